namespace Nps.Insights;

/// <summary>
/// What customers write about and how it goes with their score: per theme, mentions by category, the NPS of
/// responses that mention it against those that don't (its impact, with a p-value), and example comments.
/// </summary>
/// <remarks>
/// Counts are unweighted (a comment is a comment, whatever the sampling rate); themes are reported in taxonomy
/// order. A theme's p-values are not corrected for the number of themes tested: with eight themes, expect one
/// at least one false "significant" impact in about a third of analyses (1 − 0.95⁸) when nothing is going on.
/// </remarks>
public sealed record ThemeAnalysis
{
    /// <summary>The responses analysed (after leaving out manual sends unless included).</summary>
    public NpsCategoryCounts Responses { get; init; }

    /// <summary>The analysed responses with a non-blank comment.</summary>
    public NpsCategoryCounts Commented { get; init; }

    /// <summary>The analysed comments that mention at least one theme.</summary>
    public long CommentsWithTheme { get; init; }

    /// <summary>The baseline used for the impact.</summary>
    public ThemeBaseline Baseline { get; init; }

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
        options ??= new ThemeAnalysisOptions();

        var themeCount = taxonomy.Themes.Count;
        var mentions = new long[themeCount * 3];
        var examples = new List<ThemeExample>[themeCount];
        for (var t = 0; t < themeCount; t++) examples[t] = [];
        var all = new long[3];
        var commented = new long[3];
        long withTheme = 0;
        var hits = new bool[themeCount];

        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            if (response.IsManual && !options.IncludeManual) continue;
            var category = (int)response.Category;
            all[category]++;
            if (string.IsNullOrWhiteSpace(response.Comment)) continue;
            commented[category]++;
            if (taxonomy.Match(response.Comment, hits) == 0) continue;
            withTheme++;
            for (var t = 0; t < themeCount; t++)
            {
                if (!hits[t]) continue;
                mentions[(t * 3) + category]++;
                if (examples[t].Count < options.ExamplesPerTheme) examples[t].Add(new ThemeExample(response.ResponseId, response.Rating, response.Comment));
            }
        }

        var baseline = options.Baseline == ThemeBaseline.AllOtherResponses ? all : commented;
        var commentCount = commented[0] + commented[1] + commented[2];
        var results = new ThemeResult[themeCount];
        for (var t = 0; t < themeCount; t++)
        {
            var with = Counts(mentions[t * 3], mentions[(t * 3) + 1], mentions[(t * 3) + 2]);
            var others = Counts(baseline[0] - with.Detractors, baseline[1] - with.Passives, baseline[2] - with.Promoters);
            results[t] = new ThemeResult
            {
                ThemeId = taxonomy.Themes[t].Id,
                ThemeName = taxonomy.Themes[t].Name,
                Mentions = with,
                Others = others,
                ShareOfComments = commentCount == 0 ? 0 : (double)with.Count / commentCount,
                Impact = with.IsEmpty || others.IsEmpty ? null : NpsCategoryCounts.Compare(with, others, options.ConfidenceLevel),
                Examples = examples[t],
            };
        }

        return new ThemeAnalysis
        {
            Responses = Counts(all[0], all[1], all[2]),
            Commented = Counts(commented[0], commented[1], commented[2]),
            CommentsWithTheme = withTheme,
            Baseline = options.Baseline,
            Themes = results,
        };
    }

    /// <summary>The result for a theme by id.</summary>
    /// <param name="themeId">The theme's id.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">No theme has that id.</exception>
    public ThemeResult this[string themeId] =>
        Themes.FirstOrDefault(t => string.Equals(t.ThemeId, themeId, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No theme with id '{themeId}' in this analysis.");

    private static NpsCategoryCounts Counts(long detractors, long passives, long promoters) => new(detractors, passives, promoters);
}
