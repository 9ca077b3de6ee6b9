using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// Where an ordering of segments must be shown: never a raw leaderboard. Cells are ordered by the lower bound of
/// their confidence interval (what the data supports at least), and cells below the minimum n are hidden.
/// </summary>
public static class NpsRanking
{
    /// <summary>Orders cells with enough data by the lower confidence bound, highest first (ties: larger n first); hides the rest.</summary>
    /// <param name="cells">The cells, e.g. <see cref="NpsReport.Cells"/>.</param>
    /// <returns>The cells with <see cref="NpsReportCell.EnoughData"/>, ordered.</returns>
    public static IReadOnlyList<NpsReportCell> ByLowerBound(IEnumerable<NpsReportCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.Where(c => c.EnoughData)
            .OrderByDescending(c => c.Interval.Lower)
            .ThenByDescending(c => c.Count)
            .ToList();
    }
}
