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
    /// (<see cref="NpsCategoryCounts.Compare"/>); null unless both groups have responses. Negative means the theme
    /// comes with lower scores: a driver of detraction, not proof of cause.
    /// </summary>
    public NpsComparison? Impact { get; init; }

    /// <summary>The first comments (in response order) that mention the theme.</summary>
    public IReadOnlyList<ThemeExample> Examples { get; init; } = [];
}
