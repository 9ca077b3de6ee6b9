namespace Nps.Samples.Console.Commands;

/// <summary>The JSON document of <c>nps themes --format json</c>.</summary>
/// <param name="Baseline">What a theme's mentions are compared with: other-comments or all-other-responses.</param>
/// <param name="Responses">All responses counted.</param>
/// <param name="Commented">Responses with a comment.</param>
/// <param name="CommentsWithTheme">Comments that mention at least one theme.</param>
/// <param name="Rejected">Invalid rows skipped with <c>--skip-invalid</c>.</param>
/// <param name="Themes">One entry per theme of the taxonomy.</param>
public sealed record ThemesDocument(
    string Baseline, CategoryResult Responses, CategoryResult Commented, long CommentsWithTheme, long Rejected, IReadOnlyList<ThemeEntry> Themes);

/// <summary>Category counts and their NPS.</summary>
/// <param name="Count">n.</param>
/// <param name="Promoters">9–10.</param>
/// <param name="Passives">7–8.</param>
/// <param name="Detractors">0–6.</param>
/// <param name="Nps">The score in points; null when empty.</param>
public sealed record CategoryResult(long Count, long Promoters, long Passives, long Detractors, double? Nps)
{
    /// <summary>From the library's counts.</summary>
    public static CategoryResult From(NpsCategoryCounts counts) =>
        new(counts.Count, counts.Promoters, counts.Passives, counts.Detractors, counts.IsEmpty ? null : Math.Round(counts.Score, 2));
}

/// <summary>One theme.</summary>
/// <param name="Id">Theme id.</param>
/// <param name="Name">Theme name.</param>
/// <param name="Mentions">Responses whose comment mentions it, by category.</param>
/// <param name="Others">The baseline responses, by category.</param>
/// <param name="ShareOfComments">Mentions / commented responses.</param>
/// <param name="Impact">NPS of mentions minus NPS of the baseline, with p-value and interval; null when either side is empty.</param>
/// <param name="Examples">The first comments that mention it.</param>
public sealed record ThemeEntry(
    string Id, string Name, CategoryResult Mentions, CategoryResult Others, double ShareOfComments, ImpactResult? Impact, IReadOnlyList<ExampleResult> Examples);

/// <summary>A theme's impact.</summary>
/// <param name="Difference">Points.</param>
/// <param name="PValue">Two-sided p-value (per theme, not corrected for the number of themes).</param>
/// <param name="Lower">Lower bound of the difference.</param>
/// <param name="Upper">Upper bound of the difference.</param>
public sealed record ImpactResult(double Difference, double PValue, double Lower, double Upper);

/// <summary>An example comment.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Rating">Its rating.</param>
/// <param name="Comment">The comment.</param>
public sealed record ExampleResult(string ResponseId, int Rating, string Comment);
