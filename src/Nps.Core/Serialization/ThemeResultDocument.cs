using Nps.Insights;

namespace Nps.Serialization;

/// <summary>One theme of a <see cref="ThemeAnalysisDocument"/>, at full precision.</summary>
/// <param name="Id">The theme's id.</param>
/// <param name="Name">The theme's name.</param>
/// <param name="Mentions">The responses whose comment mentions the theme, by category.</param>
/// <param name="Others">The baseline responses, by category.</param>
/// <param name="ShareOfComments">Mentions / commented responses, in [0, 1].</param>
/// <param name="NegatedMentions">The mentions that were negated ("niet vriendelijk", "not helpful").</param>
/// <param name="Impact">NPS of the mentions minus NPS of the baseline; null when not tested (a side empty, or fewer
/// mentions than the minimum).</param>
/// <param name="AdjustedPValue">The impact's p-value adjusted across the themes tested (Benjamini–Hochberg); null when not tested.</param>
/// <param name="Significant">Whether the adjusted p-value is below 1 − level.</param>
/// <param name="Weighted">Whether the impact compares weighted estimates (inclusion probabilities differ).</param>
/// <param name="Examples">The first comments that mention the theme.</param>
public sealed record ThemeResultDocument(
    string Id,
    string Name,
    NpsCategoryCountsDocument Mentions,
    NpsCategoryCountsDocument Others,
    double ShareOfComments,
    NpsCategoryCountsDocument NegatedMentions,
    ThemeImpactDocument? Impact,
    double? AdjustedPValue,
    bool Significant,
    bool Weighted,
    IReadOnlyList<ThemeExampleDocument> Examples)
{
    /// <summary>The document of one theme's result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The document.</returns>
    public static ThemeResultDocument From(ThemeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ThemeResultDocument(
            result.ThemeId,
            result.ThemeName,
            NpsCategoryCountsDocument.From(result.Mentions),
            NpsCategoryCountsDocument.From(result.Others),
            result.ShareOfComments,
            NpsCategoryCountsDocument.From(result.NegatedMentions),
            result.Impact is { } impact ? ThemeImpactDocument.From(impact) : null,
            NpsJson.Finite(result.AdjustedPValue),
            result.IsSignificant,
            result.ImpactIsWeighted,
            [.. result.Examples.Select(e => new ThemeExampleDocument(e.ResponseId, e.Rating.Value, e.Comment))]);
    }
}

/// <summary>A theme's impact: the difference of two scores with its two-sided p-value (per theme, not corrected
/// for the number of themes) and interval, in points.</summary>
/// <param name="Difference">NPS of the mentions minus NPS of the baseline.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="Lower">Lower bound of the difference.</param>
/// <param name="Upper">Upper bound of the difference.</param>
public sealed record ThemeImpactDocument(double? Difference, double? PValue, double? Lower, double? Upper)
{
    /// <summary>The document of a comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The document.</returns>
    public static ThemeImpactDocument From(NpsComparison comparison) => new(
        NpsJson.Finite(comparison.Difference), NpsJson.Finite(comparison.PValue),
        NpsJson.Finite(comparison.Interval.Lower), NpsJson.Finite(comparison.Interval.Upper));
}

/// <summary>An example comment of a theme.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Rating">Its rating, 0–10.</param>
/// <param name="Comment">The comment, as written.</param>
public sealed record ThemeExampleDocument(string ResponseId, int Rating, string Comment);
