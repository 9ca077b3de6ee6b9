using Nps.Insights;
using Nps.Intake;

namespace Nps.InMemory;

/// <summary>
/// The theme counts of an <see cref="InMemoryResponseStore"/>: each stored comment matched once against one taxonomy
/// (by fingerprint), kept per response so a deleted response takes its matches with it. Not thread-safe: the store
/// calls it under its lock.
/// </summary>
internal sealed class InMemoryThemeCounts
{
    private readonly Dictionary<string, Matched> _matched = new(StringComparer.Ordinal);
    private readonly Queue<StoredResponse> _pending = new();

    // The responses queued and not yet matched nor deleted (the queue keeps deleted ones until it reaches them).
    private readonly HashSet<StoredResponse> _waiting = new(ReferenceEqualityComparer.Instance);
    private string _fingerprint = "";

    /// <summary>One response's matches: the themes its comment mentions, and those it mentions only negated.</summary>
    private sealed record Matched(SurveyResponse Response, bool[] Hits, bool[] Negated, bool Any);

    /// <summary>A response was stored: its comment, if any, waits to be matched.</summary>
    public void Added(StoredResponse response)
    {
        if (string.IsNullOrEmpty(response.Response.Comment)) return; // a blank one waits too, as in the databases, and is matched to nothing
        _pending.Enqueue(response);
        _waiting.Add(response);
    }

    /// <summary>A response was deleted (erasure or retention): its matches go.</summary>
    public void Removed(StoredResponse response)
    {
        _matched.Remove(response.ResponseId);
        _waiting.Remove(response);
    }

    /// <summary>
    /// Matches what waits (every stored comment again for another taxonomy), at most <paramref name="maximum"/>; what
    /// it matched and what still waits.
    /// </summary>
    public ThemeCountUpdate Update(ThemeTaxonomy taxonomy, int maximum, IReadOnlyList<StoredResponse> stored)
    {
        if (!string.Equals(_fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal))
        {
            _fingerprint = taxonomy.Fingerprint;
            _matched.Clear();
            _pending.Clear();
            _waiting.Clear();
            foreach (var response in stored) Added(response);
        }

        var matched = 0;
        while (matched < maximum && _pending.TryDequeue(out var next))
        {
            if (!_waiting.Remove(next)) continue; // deleted meanwhile
            matched++;
            if (string.IsNullOrWhiteSpace(next.Response.Comment)) continue; // not a comment to analyse
            var hits = new bool[taxonomy.Themes.Count];
            var negated = new bool[taxonomy.Themes.Count];
            var found = taxonomy.Match(next.Response.Comment, hits, negated);
            _matched[next.ResponseId] = new Matched(next.Response, hits, negated, found > 0);
        }

        return new ThemeCountUpdate(matched, _waiting.Count);
    }

    /// <summary>The comments not in the counts for the taxonomy: those waiting, or every stored one for another taxonomy.</summary>
    private long Pending(ThemeTaxonomy taxonomy, IReadOnlyList<StoredResponse> stored) =>
        string.Equals(_fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal)
            ? _waiting.Count
            : stored.Count(r => !string.IsNullOrEmpty(r.Response.Comment));

    /// <summary>The counts of [from, to) per theme, flags and probability; null when not current for the taxonomy.</summary>
    public ThemeCountSnapshot Count(ThemeTaxonomy taxonomy, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyList<StoredResponse> stored)
    {
        if (!HoldsTaxonomy(taxonomy)) return new ThemeCountSnapshot([], Pending(taxonomy, stored));
        var sums = new Dictionary<(int Theme, bool Manual, bool Unsolicited, double P), (long[] Counts, long[] Negated)>();
        foreach (var (_, m) in _matched)
        {
            var r = m.Response;
            if (!Covers(r, from, to)) continue;
            var category = (int)r.Category;
            Add(ThemeCountRow.Commented, false);
            if (m.Any) Add(ThemeCountRow.WithTheme, false);
            for (var t = 0; t < m.Hits.Length; t++)
            {
                if (m.Hits[t]) Add(t, m.Negated[t]);
            }

            void Add(int theme, bool negated)
            {
                var key = (theme, r.IsManual, r.IsUnsolicited, r.InclusionProbability);
                if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = (new long[3], new long[3]);
                sum.Counts[category]++;
                if (negated) sum.Negated[category]++;
            }
        }

        return new ThemeCountSnapshot([.. sums.Select(s => new ThemeCountRow(s.Key.Theme, s.Key.Manual, s.Key.Unsolicited, s.Key.P,
            new NpsCategoryCounts(s.Value.Counts[0], s.Value.Counts[1], s.Value.Counts[2]),
            new NpsCategoryCounts(s.Value.Negated[0], s.Value.Negated[1], s.Value.Negated[2])))], _waiting.Count);
    }

    /// <summary>The first matched comments in [from, to) that mention each theme, in (instant, id) order.</summary>
    public IReadOnlyList<IReadOnlyList<ThemeExample>> Examples(ThemeTaxonomy taxonomy, IReadOnlyList<int> themes, DateTimeOffset? from, DateTimeOffset? to, int limit,
        bool includeManual, bool includeUnsolicited) =>
        [.. themes.Select(theme => HoldsTaxonomy(taxonomy) ? Examples(theme, from, to, limit, includeManual, includeUnsolicited) : [])];

    private List<ThemeExample> Examples(int theme, DateTimeOffset? from, DateTimeOffset? to, int limit, bool includeManual, bool includeUnsolicited) =>
        [.. _matched.Values
            .Where(m => m.Hits[theme] && Covers(m.Response, from, to) && (includeManual || !m.Response.IsManual) && (includeUnsolicited || !m.Response.IsUnsolicited))
            .Select(m => m.Response)
            .OrderBy(r => r.RespondedAt.UtcTicks).ThenBy(r => r.ResponseId, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => new ThemeExample(r.ResponseId, r.Rating, r.Comment!))];

    private bool HoldsTaxonomy(ThemeTaxonomy taxonomy) => string.Equals(_fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal);

    private static bool Covers(SurveyResponse r, DateTimeOffset? from, DateTimeOffset? to) => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to);
}
