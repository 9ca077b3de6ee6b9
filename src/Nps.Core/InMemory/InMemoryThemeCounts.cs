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
    private string _fingerprint = "";
    private bool _ready;

    /// <summary>One response's matches: the themes its comment mentions, and those it mentions only negated.</summary>
    private sealed record Matched(SurveyResponse Response, bool[] Hits, bool[] Negated, bool Any);

    /// <summary>A response was stored: its comment, if any, waits to be matched.</summary>
    public void Added(StoredResponse response)
    {
        if (!string.IsNullOrWhiteSpace(response.Response.Comment)) _pending.Enqueue(response);
    }

    /// <summary>A response was deleted (erasure or retention): its matches go.</summary>
    public void Removed(StoredResponse response) => _matched.Remove(response.ResponseId);

    /// <summary>
    /// Matches what waits (every stored comment again for another taxonomy), at most <paramref name="maximum"/>;
    /// whether every stored comment is matched.
    /// </summary>
    public bool Update(ThemeTaxonomy taxonomy, int maximum, IReadOnlyList<StoredResponse> stored, IReadOnlyDictionary<string, StoredResponse> byId)
    {
        if (!string.Equals(_fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal))
        {
            _fingerprint = taxonomy.Fingerprint;
            _matched.Clear();
            _pending.Clear();
            _ready = false;
            foreach (var response in stored) Added(response);
        }

        for (var matched = 0; matched < maximum && _pending.TryDequeue(out var next); matched++)
        {
            if (!byId.TryGetValue(next.ResponseId, out var still) || !ReferenceEquals(still, next)) continue; // deleted meanwhile
            var hits = new bool[taxonomy.Themes.Count];
            var negated = new bool[taxonomy.Themes.Count];
            var found = taxonomy.Match(next.Response.Comment, hits, negated);
            _matched[next.ResponseId] = new Matched(next.Response, hits, negated, found > 0);
        }

        if (_pending.Count == 0) _ready = true;
        return _pending.Count == 0;
    }

    /// <summary>The counts of [from, to) per theme, flags and probability; null when not current for the taxonomy.</summary>
    public IReadOnlyList<ThemeCountRow>? Count(ThemeTaxonomy taxonomy, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (!IsCurrent(taxonomy)) return null;
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

        return [.. sums.Select(s => new ThemeCountRow(s.Key.Theme, s.Key.Manual, s.Key.Unsolicited, s.Key.P,
            new NpsCategoryCounts(s.Value.Counts[0], s.Value.Counts[1], s.Value.Counts[2]),
            new NpsCategoryCounts(s.Value.Negated[0], s.Value.Negated[1], s.Value.Negated[2])))];
    }

    /// <summary>The first comments in [from, to) that mention a theme, in (instant, id) order.</summary>
    public IReadOnlyList<ThemeExample> Examples(ThemeTaxonomy taxonomy, int theme, DateTimeOffset? from, DateTimeOffset? to, int limit, bool includeManual, bool includeUnsolicited)
    {
        if (!IsCurrent(taxonomy)) return [];
        return [.. _matched.Values
            .Where(m => m.Hits[theme] && Covers(m.Response, from, to) && (includeManual || !m.Response.IsManual) && (includeUnsolicited || !m.Response.IsUnsolicited))
            .Select(m => m.Response)
            .OrderBy(r => r.RespondedAt.UtcTicks).ThenBy(r => r.ResponseId, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => new ThemeExample(r.ResponseId, r.Rating, r.Comment!))];
    }

    private bool IsCurrent(ThemeTaxonomy taxonomy) => _ready && string.Equals(_fingerprint, taxonomy.Fingerprint, StringComparison.Ordinal);

    private static bool Covers(SurveyResponse r, DateTimeOffset? from, DateTimeOffset? to) => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to);
}
