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
        var negatedMentions = new long[themeCount * 3];
        var weightedWith = new WeightedNpsAccumulator[themeCount];
        var weightedOthers = new WeightedNpsAccumulator[themeCount];
        var examples = new List<ThemeExample>[themeCount];
        for (var t = 0; t < themeCount; t++) examples[t] = [];
        var all = new long[3];
        var commented = new long[3];
        long withTheme = 0;
        var hits = new bool[themeCount];
        var negated = new bool[themeCount];
        var allOthers = options.Baseline == ThemeBaseline.AllOtherResponses;
        double minProbability = double.PositiveInfinity, maxProbability = double.NegativeInfinity;

        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
            if ((response.IsManual && !options.IncludeManual) || (response.IsUnsolicited && !options.IncludeUnsolicited)) continue;
            var category = (int)response.Category;
            var weight = 1 / response.InclusionProbability;
            all[category]++;
            var hasComment = !string.IsNullOrWhiteSpace(response.Comment);
            if (hasComment || allOthers)
            {
                minProbability = Math.Min(minProbability, response.InclusionProbability);
                maxProbability = Math.Max(maxProbability, response.InclusionProbability);
            }

            var found = 0;
            if (hasComment)
            {
                commented[category]++;
                found = taxonomy.Match(response.Comment, hits, negated);
                if (found > 0) withTheme++;
            }

            for (var t = 0; t < themeCount; t++)
            {
                if (found > 0 && hits[t])
                {
                    mentions[(t * 3) + category]++;
                    if (negated[t]) negatedMentions[(t * 3) + category]++;
                    weightedWith[t].Add(response.Category, weight);
                    if (examples[t].Count < options.ExamplesPerTheme) examples[t].Add(new ThemeExample(response.ResponseId, response.Rating, response.Comment!));
                }
                else if (hasComment || allOthers)
                {
                    weightedOthers[t].Add(response.Category, weight);
                }
            }
        }

        var weighted = minProbability < maxProbability;
        var baseline = allOthers ? all : commented;
        var commentCount = commented[0] + commented[1] + commented[2];
        var impacts = new NpsComparison?[themeCount];
        var pValues = new double[themeCount];
        var tested = 0;
        for (var t = 0; t < themeCount; t++)
        {
            var with = Counts(mentions[t * 3], mentions[(t * 3) + 1], mentions[(t * 3) + 2]);
            var others = Counts(baseline[0] - with.Detractors, baseline[1] - with.Passives, baseline[2] - with.Promoters);
            pValues[t] = double.NaN;
            if (with.Count < options.MinimumMentions || others.IsEmpty) continue;
            impacts[t] = weighted
                ? WeightedNpsEstimate.Compare(weightedWith[t].ToEstimate(), weightedOthers[t].ToEstimate(), options.ConfidenceLevel)
                : NpsCategoryCounts.Compare(with, others, options.ConfidenceLevel);
            pValues[t] = impacts[t]!.Value.PValue;
            tested++;
        }

        var adjusted = BenjaminiHochberg.Adjust(pValues);
        var results = new ThemeResult[themeCount];
        for (var t = 0; t < themeCount; t++)
        {
            var with = Counts(mentions[t * 3], mentions[(t * 3) + 1], mentions[(t * 3) + 2]);
            results[t] = new ThemeResult
            {
                ThemeId = taxonomy.Themes[t].Id,
                ThemeName = taxonomy.Themes[t].Name,
                Mentions = with,
                NegatedMentions = Counts(negatedMentions[t * 3], negatedMentions[(t * 3) + 1], negatedMentions[(t * 3) + 2]),
                Others = Counts(baseline[0] - with.Detractors, baseline[1] - with.Passives, baseline[2] - with.Promoters),
                ShareOfComments = commentCount == 0 ? 0 : (double)with.Count / commentCount,
                Impact = impacts[t],
                ImpactIsWeighted = weighted && impacts[t] is not null,
                AdjustedPValue = double.IsNaN(adjusted[t]) ? null : adjusted[t],
                IsSignificant = !double.IsNaN(adjusted[t]) && adjusted[t] < 1 - options.ConfidenceLevel,
                Examples = examples[t],
            };
        }

        return new ThemeAnalysis
        {
            Responses = Counts(all[0], all[1], all[2]),
            Commented = Counts(commented[0], commented[1], commented[2]),
            CommentsWithTheme = withTheme,
            Baseline = options.Baseline,
            MinimumMentions = options.MinimumMentions,
            ImpactsTested = tested,
            Weighted = weighted,
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
