namespace Nps.Insights;

/// <summary>One theme's figures in a <see cref="ThemeAnalysis"/>.</summary>
public sealed record ThemeResult
{
    /// <summary>The theme's id.</summary>
    public required string ThemeId { get; init; }

    /// <summary>The theme's name.</summary>
    public required string ThemeName { get; init; }

    /// <summary>The responses whose comment mentions the theme, by category.</summary>
    public NpsCategoryCounts Mentions { get; init; }

    /// <summary>The baseline the mentions are compared with (see <see cref="ThemeAnalysisOptions.Baseline"/>), by category.</summary>
    public NpsCategoryCounts Others { get; init; }

    /// <summary>The share of commented responses that mention the theme, in [0, 1] (0 when nobody commented).</summary>
    public double ShareOfComments { get; init; }

    /// <summary>The NPS of the responses that mention the theme; null when none do.</summary>
    public double? ScoreWith => Mentions.IsEmpty ? null : Mentions.Score;

    /// <summary>The NPS of the baseline; null when it is empty.</summary>
    public double? ScoreWithout => Others.IsEmpty ? null : Others.Score;

    /// <summary>
    /// The impact: NPS with the theme minus NPS without it, with standard error, p-value and interval
    /// (<see cref="NpsCategoryCounts.Compare"/>, or <see cref="WeightedNpsEstimate.Compare"/> when
    /// <see cref="ImpactIsWeighted"/>); null below the minimum number of mentions or when the baseline is empty. Its
    /// own p-value is unadjusted: judge it by <see cref="AdjustedPValue"/>. Negative means the theme comes with lower
    /// scores: a driver of detraction, not proof of cause.
    /// </summary>
    public NpsComparison? Impact { get; init; }

    /// <summary>
    /// The responses whose every mention of the theme is negated ("niet vriendelijk", "not helpful", "geen
    /// oplossing"), by category; they are counted in <see cref="Mentions"/> too.
    /// </summary>
    public NpsCategoryCounts NegatedMentions { get; init; }

    /// <summary>Whether the impact was tested: enough mentions (<see cref="ThemeAnalysisOptions.MinimumMentions"/>) and a non-empty baseline.</summary>
    public bool ImpactTested => Impact is not null;

    /// <summary>
    /// Whether the impact compares weighted estimates (inclusion probabilities differ among the responses analysed):
    /// then its scores are Σw·x / Σw with w = 1 / inclusion probability and its standard error is the linearised one.
    /// </summary>
    public bool ImpactIsWeighted { get; init; }

    /// <summary>
    /// The impact's p-value adjusted across the themes tested in the same analysis (Benjamini–Hochberg); null when
    /// the impact was not tested or its p-value is unknown.
    /// </summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>Whether the impact is significant after the adjustment across themes (adjusted p &lt; 1 − level).</summary>
    public bool IsSignificant { get; init; }

    /// <summary>The first comments (in response order) that mention the theme.</summary>
    public IReadOnlyList<ThemeExample> Examples { get; init; } = [];
}
