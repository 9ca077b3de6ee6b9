using System.Data.Common;
using Nps.Insights;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source), like UtcDayPlan.
namespace Nps.Reporting;

/// <summary>A stored commented response to match against a taxonomy (its instant in UTC ticks, its category 0–2).</summary>
internal readonly record struct ThemeComment(long Seq, string ResponseId, long RespondedAt, int Category, bool Manual, bool Unsolicited, double P, string? Text);

/// <summary>One mention row: a comment, a theme it mentions (or <see cref="ThemeCountRow.Commented"/>, <see cref="ThemeCountRow.WithTheme"/>), its UTC day.</summary>
internal readonly record struct ThemeMentionRow(ThemeComment Comment, int Theme, int Day, bool Negated);

/// <summary>
/// A page of comments matched against a taxonomy, as both stores write it: the mention rows, and their sums per UTC
/// day, theme, manual and unsolicited flag and probability (3 category counts, then 3 negated counts) to add to the
/// day table. Also the readers of what the stores' theme queries return.
/// </summary>
internal sealed class ThemeMatchPage
{
    private ThemeMatchPage()
    {
    }

    /// <summary>The mention rows, in page order.</summary>
    public List<ThemeMentionRow> Mentions { get; } = [];

    /// <summary>The day sums of the mention rows.</summary>
    public Dictionary<(int Day, int Theme, bool Manual, bool Unsolicited, double P), long[]> Sums { get; } = [];

    /// <summary>Matches a page (blank comments skipped, as <see cref="ThemeAnalysis"/> skips them).</summary>
    public static ThemeMatchPage Match(ThemeTaxonomy taxonomy, IEnumerable<ThemeComment> page)
    {
        var matched = new ThemeMatchPage();
        var hits = new bool[taxonomy.Themes.Count];
        var negated = new bool[taxonomy.Themes.Count];
        foreach (var comment in page)
        {
            if (string.IsNullOrWhiteSpace(comment.Text)) continue;
            var found = taxonomy.Match(comment.Text, hits, negated);
            var day = (int)(comment.RespondedAt / TimeSpan.TicksPerDay);
            matched.Add(new ThemeMentionRow(comment, ThemeCountRow.Commented, day, false));
            if (found > 0) matched.Add(new ThemeMentionRow(comment, ThemeCountRow.WithTheme, day, false));
            for (var t = 0; t < hits.Length; t++)
            {
                if (hits[t]) matched.Add(new ThemeMentionRow(comment, t, day, negated[t]));
            }
        }

        return matched;
    }

    private void Add(ThemeMentionRow row)
    {
        Mentions.Add(row);
        var c = row.Comment;
        var key = (row.Day, row.Theme, c.Manual, c.Unsolicited, c.P);
        if (!Sums.TryGetValue(key, out var sum)) Sums[key] = sum = new long[6];
        sum[c.Category]++;
        if (row.Negated) sum[3 + c.Category]++;
    }

    /// <summary>Reads count rows: theme, manual, unsolicited, probability, three category counts, three negated counts.</summary>
    public static async Task<List<ThemeCountRow>> ReadRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<ThemeCountRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ThemeCountRow(reader.GetInt32(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetDouble(3),
                new NpsCategoryCounts(reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)),
                new NpsCategoryCounts(reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9))));
        }

        return rows;
    }

    /// <summary>
    /// Reads the examples of several themes: theme, response id, rating, comment, each theme's rows in example order;
    /// one list per theme asked, in the order asked.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<ThemeExample>>> ReadExamplesAsync(DbDataReader reader, IReadOnlyList<int> themes, CancellationToken cancellationToken)
    {
        var byTheme = new Dictionary<int, List<ThemeExample>>();
        foreach (var theme in themes) byTheme.TryAdd(theme, []);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rating = NpsRating.From(Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
            byTheme[reader.GetInt32(0)].Add(new ThemeExample(reader.GetString(1), rating, reader.GetString(3)));
        }

        return [.. themes.Select(t => (IReadOnlyList<ThemeExample>)byTheme[t])];
    }

    /// <summary>The argument checks of an examples read.</summary>
    public static void CheckExamples(ThemeTaxonomy taxonomy, IReadOnlyList<int> themes, int limit)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(themes);
        foreach (var theme in themes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(theme, nameof(themes));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(theme, taxonomy.Themes.Count, nameof(themes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
    }
}
