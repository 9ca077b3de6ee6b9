namespace Nps.Segmentation;

/// <summary>
/// Something that can count stored responses per period, dimension values and rating — a database
/// (<c>GROUP BY</c> in SQL), a warehouse or a list in memory — so a report never reads the responses themselves.
/// </summary>
/// <remarks>Turn the counts into a report with <see cref="NpsCountSourceExtensions.BuildReportAsync"/>.</remarks>
public interface INpsCountSource
{
    /// <summary>Counts the responses the query covers, one row per (period, dimension values, rating, manual, unsolicited) group.</summary>
    /// <param name="query">What to count and how to group.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The groups, in any order, each at most once.</returns>
    IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, CancellationToken cancellationToken = default);
}
