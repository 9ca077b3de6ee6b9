using Nps.Intake;
using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// What customers write about and how it goes with their score: per theme, mentions by category (and how many are
/// negated), the NPS of responses that mention it against those that don't (its impact, with a p-value adjusted
/// across themes), and example comments.
/// </summary>
/// <remarks>
/// <para>Counts are unweighted (a comment is a comment, whatever the sampling rate); themes are reported in taxonomy
/// order. An impact is tested only for a theme with at least <see cref="ThemeAnalysisOptions.MinimumMentions"/>
/// mentions, and the p-values of the themes tested are adjusted together (Benjamini–Hochberg), so eight themes
/// tested on noise do not give a false "significant" impact in a third of analyses.</para>
/// <para>When the inclusion probabilities of the responses analysed differ, the impacts compare weighted estimates
/// (weight 1 / inclusion probability, linearised standard errors), like the report's comparisons.</para>
/// </remarks>
public sealed record ThemeAnalysis
{
    /// <summary>The responses analysed (after leaving out manual sends and unsolicited responses unless included).</summary>
    public NpsCategoryCounts Responses { get; init; }

    /// <summary>The analysed responses with a non-blank comment.</summary>
    public NpsCategoryCounts Commented { get; init; }

    /// <summary>The analysed comments that mention at least one theme.</summary>
    public long CommentsWithTheme { get; init; }

    /// <summary>The baseline used for the impact.</summary>
    public ThemeBaseline Baseline { get; init; }

    /// <summary>The minimum number of mentions for an impact to be tested (from the options).</summary>
    public int MinimumMentions { get; init; }

    /// <summary>How many themes had their impact tested (the number of tests the adjustment spans).</summary>
    public int ImpactsTested { get; init; }

    /// <summary>Whether the impacts compare weighted estimates (the inclusion probabilities differ).</summary>
    public bool Weighted { get; init; }

    /// <summary>
    /// The stored comments (in the whole store) that a store's theme counts did not hold yet when this analysis read
    /// them, so they are left out of it: a <see cref="ThemeCountMatcher"/> matches them off the request path. 0 when
    /// the counts were current, and for an analysis of the comments themselves.
    /// </summary>
    public long PendingComments { get; init; }

    /// <summary>Per theme, in taxonomy order.</summary>
    public IReadOnlyList<ThemeResult> Themes { get; init; } = [];

    /// <summary>Analyses the comments of the responses against a taxonomy.</summary>
    /// <param name="responses">The responses, in a meaningful order (examples are the first ones that mention a theme).</param>
    /// <param name="taxonomy">The themes; <see cref="ThemeTaxonomy.Default"/> for the built-in ones.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>The analysis.</returns>
    public static ThemeAnalysis Analyze(IEnumerable<SurveyResponse> responses, ThemeTaxonomy taxonomy, ThemeAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var tally = new ThemeTally(taxonomy, options ?? new ThemeAnalysisOptions(), othersFromTotals: false);
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            tally.Add(response);
        }

        return tally.ToAnalysis();
    }

    /// <summary>
    /// Analyses the comments of the responses answered in [<paramref name="from"/>, <paramref name="to"/>) from a
    /// store's counts, never every stored response: the totals by category (and their weight sums) come from one count
    /// query; when <paramref name="slices"/> keeps theme counts (<see cref="IThemeCountSource"/>), the themes come from
    /// them as they stand (matching nothing: comments not matched yet are left out and counted in
    /// <see cref="PendingComments"/>) and the examples of every theme from one read; else only responses with a
    /// comment are read, in pages of <paramref name="pageSize"/>. With the theme counts current (or without them),
    /// gives the same analysis as <see cref="Analyze"/> over the store's responses of the range in (instant, response
    /// id) order, as the store's <c>ReadAsync</c> gives them.
    /// </summary>
    /// <param name="counts">The store's counts.</param>
    /// <param name="slices">The store's slices.</param>
    /// <param name="taxonomy">The themes.</param>
    /// <param name="from">The first instant analysed (inclusive), or null for no lower bound.</param>
    /// <param name="to">The instant where the analysis stops (exclusive), or null for no upper bound.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="pageSize">How many commented responses one page reads; 1 to <see cref="ResponseSliceQuery.MaximumLimit"/>, 1,000 by default.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis.</returns>
    /// <remarks>
    /// With <see cref="ThemeBaseline.AllOtherResponses"/> and unequal inclusion probabilities, a theme's weighted
    /// baseline is the range's weight sums less the theme's: equal to the in-memory one up to the rounding of those
    /// sums (exactly when every weight is a power of two, as 1 / 0.25 is); from theme counts, the same holds for the
    /// other-comments baseline (the commented weight sums less the theme's).
    /// </remarks>
    public static async Task<ThemeAnalysis> AnalyzeAsync(INpsCountSource counts, IResponseSliceSource slices, ThemeTaxonomy taxonomy,
        DateTimeOffset? from = null, DateTimeOffset? to = null, ThemeAnalysisOptions? options = null, int pageSize = 1_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, ResponseSliceQuery.MaximumLimit);
        options ??= new ThemeAnalysisOptions();
        if (slices is IThemeCountSource themes) return await FromThemeCountsAsync(counts, themes, taxonomy, from, to, options, cancellationToken).ConfigureAwait(false);

        var tally = new ThemeTally(taxonomy, options, othersFromTotals: true);
        await AddTotalsAsync(tally, counts, from, to, cancellationToken).ConfigureAwait(false);
        var query = new ResponseSliceQuery
        {
            From = from ?? DateTimeOffset.MinValue, To = to ?? DateTimeOffset.MaxValue, OnlyWithCommentOrCallback = true, Limit = pageSize,
        };
        await foreach (var response in ResponseSlice.ReadAllAsync(slices, query, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(response.Comment)) continue;
            tally.Add(response);
        }

        return tally.ToAnalysis();
    }

    /// <summary>The analysis from a store's theme counts as they stand and the examples of its themes (one read each).</summary>
    private static async Task<ThemeAnalysis> FromThemeCountsAsync(INpsCountSource counts, IThemeCountSource themes, ThemeTaxonomy taxonomy,
        DateTimeOffset? from, DateTimeOffset? to, ThemeAnalysisOptions options, CancellationToken cancellationToken)
    {
        var snapshot = await themes.CountThemesAsync(taxonomy, from, to, cancellationToken).ConfigureAwait(false);
        var tally = new ThemeTally(taxonomy, options, othersFromTotals: true);
        await AddTotalsAsync(tally, counts, from, to, cancellationToken).ConfigureAwait(false);
        foreach (var row in snapshot.Rows) tally.AddCounts(row);
        var mentioned = tally.MentionedThemes().ToList();
        if (options.ExamplesPerTheme > 0 && mentioned.Count > 0)
        {
            var examples = await themes.ReadThemeExamplesAsync(taxonomy, mentioned, from, to, options.ExamplesPerTheme,
                options.IncludeManual, options.IncludeUnsolicited, cancellationToken).ConfigureAwait(false);
            if (examples.Count != mentioned.Count) throw new InvalidOperationException("The theme count source returned examples that do not fit the themes asked.");
            for (var i = 0; i < mentioned.Count; i++) tally.AddExamples(mentioned[i], examples[i]);
        }

        return tally.ToAnalysis() with { PendingComments = snapshot.Pending };
    }

    private static async Task AddTotalsAsync(ThemeTally tally, INpsCountSource counts, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await foreach (var row in counts.CountAsync(new NpsCountQuery { From = from, To = to }, cancellationToken).ConfigureAwait(false))
        {
            if (row.DimensionValues.Count != 0 || row.Period is not null) throw new ArgumentException("The count source returned a row that does not fit the query (no dimensions, no period).", nameof(counts));
            tally.AddTotals(row);
        }
    }

    /// <summary>The result for a theme by id.</summary>
    /// <param name="themeId">The theme's id.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">No theme has that id.</exception>
    public ThemeResult this[string themeId] =>
        Themes.FirstOrDefault(t => string.Equals(t.ThemeId, themeId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No theme with id '{themeId}' in this analysis.");
}
