using Nps.Insights;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of a comment-theme analysis (<c>nps themes --format json</c>): per theme, mentions by
/// category, the NPS of the responses that mention it against the baseline, and example comments.
/// </summary>
/// <param name="Baseline">What a theme's mentions are compared with (<see cref="WireNames"/>): <c>other-comments</c> or <c>all-other-responses</c>.</param>
/// <param name="Responses">All responses analysed, by category.</param>
/// <param name="Commented">The responses with a comment, by category.</param>
/// <param name="CommentsWithTheme">Comments that mention at least one theme.</param>
/// <param name="Rejected">Invalid input rows that were skipped.</param>
/// <param name="Themes">One entry per theme, in taxonomy order.</param>
public sealed record ThemeAnalysisDocument(
    string Baseline,
    NpsCategoryCountsDocument Responses,
    NpsCategoryCountsDocument Commented,
    long CommentsWithTheme,
    long Rejected,
    IReadOnlyList<ThemeResultDocument> Themes)
{
    /// <summary>
    /// The stored comments (in the whole store) not yet matched into the store's theme counts, so left out of this
    /// analysis (<see cref="ThemeAnalysis.PendingComments"/>): the background matcher is catching up; 0 when the
    /// counts are current, and for an analysis of a file.
    /// </summary>
    public long Pending { get; init; }

    /// <summary>The document of an analysis.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="rejected">Invalid input rows that were skipped before the analysis saw them.</param>
    /// <returns>The document.</returns>
    public static ThemeAnalysisDocument From(ThemeAnalysis analysis, long rejected = 0)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new ThemeAnalysisDocument(
            WireNames.Format(analysis.Baseline),
            NpsCategoryCountsDocument.From(analysis.Responses),
            NpsCategoryCountsDocument.From(analysis.Commented),
            analysis.CommentsWithTheme,
            rejected,
            [.. analysis.Themes.Select(ThemeResultDocument.From)]) { Pending = analysis.PendingComments };
    }
}
