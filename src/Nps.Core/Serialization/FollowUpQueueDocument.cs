using Nps.FollowUp;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of the closed-loop queue at a moment (<c>nps follow-ups --format json</c>): its metrics and
/// the follow-ups, overdue first, then by due time, then by id.
/// </summary>
/// <param name="AsOf">The moment the queue is shown for.</param>
/// <param name="Metrics">The metrics at that moment (over every follow-up, whatever the status filter).</param>
/// <param name="Anonymous">Responses that needed a follow-up but had no customer id to contact.</param>
/// <param name="AfterAsOf">Responses after <paramref name="AsOf"/>, left out.</param>
/// <param name="Rejected">Invalid input rows that were skipped.</param>
/// <param name="FollowUps">The queue, each judged overdue at <paramref name="AsOf"/>.</param>
public sealed record FollowUpQueueDocument(
    DateTimeOffset AsOf,
    FollowUpMetricsDocument Metrics,
    long Anonymous,
    long AfterAsOf,
    long Rejected,
    IReadOnlyList<FollowUpCaseDocument> FollowUps)
{
    /// <summary>The document of a queue.</summary>
    /// <param name="followUps">The follow-ups to list.</param>
    /// <param name="metrics">The metrics at that moment.</param>
    /// <param name="asOf">The moment (with the offset to show it in); overdue is judged at it.</param>
    /// <param name="anonymous">Responses that needed a follow-up but had no customer id.</param>
    /// <param name="afterAsOf">Responses after the moment, left out.</param>
    /// <param name="rejected">Invalid input rows that were skipped.</param>
    /// <returns>The document.</returns>
    public static FollowUpQueueDocument From(
        IEnumerable<FollowUpCase> followUps, FollowUpMetrics metrics, DateTimeOffset asOf, long anonymous = 0, long afterAsOf = 0, long rejected = 0)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        ArgumentNullException.ThrowIfNull(metrics);
        var queue = followUps
            .OrderByDescending(f => f.IsOverdue(asOf))
            .ThenBy(f => f.DueAt)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => FollowUpCaseDocument.From(f, asOf))
            .ToList();
        return new FollowUpQueueDocument(asOf, FollowUpMetricsDocument.From(metrics), anonymous, afterAsOf, rejected, queue);
    }
}
