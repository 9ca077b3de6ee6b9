using Nps.FollowUp;

namespace Nps.Serialization;

/// <summary>How well the loop is closed, at full precision.</summary>
/// <param name="AsOf">The moment the figures hold for.</param>
/// <param name="Total">Follow-ups.</param>
/// <param name="Open">Still open.</param>
/// <param name="Contacted">Contacted, not yet closed.</param>
/// <param name="Closed">Closed.</param>
/// <param name="Overdue">Open past their due time.</param>
/// <param name="Detractors">Follow-ups of detractor responses.</param>
/// <param name="DetractorsFollowedUp">Of those, the customers actually contacted (closing without contact does not count).</param>
/// <param name="DetractorFollowUpShare">The share of detractors contacted, in [0, 1]; null without detractors.</param>
/// <param name="MedianHoursToFirstContact">Median time to first contact in hours; null before any contact.</param>
/// <param name="ClosedWithoutContact">Closed without the customer being contacted (its own outcome).</param>
/// <param name="ContactedWithinSla">Contacted no later than their due time.</param>
/// <param name="ContactedLate">Contacted after their due time (breaches).</param>
/// <param name="Pending">Open and not yet due: neither within nor outside the SLA yet.</param>
/// <param name="WithinSlaShare">Contacted within the SLA among the follow-ups already due, in [0, 1]; null when none is due.</param>
/// <param name="SlaBreaches">Late contacts, overdue cases and cases closed without contact after their due time.</param>
public sealed record FollowUpMetricsDocument(
    DateTimeOffset AsOf,
    int Total,
    int Open,
    int Contacted,
    int Closed,
    int Overdue,
    int Detractors,
    int DetractorsFollowedUp,
    double? DetractorFollowUpShare,
    double? MedianHoursToFirstContact,
    int ClosedWithoutContact,
    int ContactedWithinSla,
    int ContactedLate,
    int Pending,
    double? WithinSlaShare,
    int SlaBreaches)
{
    /// <summary>The document of the metrics.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <returns>The document.</returns>
    public static FollowUpMetricsDocument From(FollowUpMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new FollowUpMetricsDocument(
            metrics.AsOf, metrics.Total, metrics.Open, metrics.Contacted, metrics.Closed, metrics.Overdue, metrics.Detractors,
            metrics.DetractorsFollowedUp, metrics.DetractorFollowUpShare, metrics.MedianTimeToFirstContact?.TotalHours,
            metrics.ClosedWithoutContact, metrics.ContactedWithinSla, metrics.ContactedLate, metrics.Pending, metrics.WithinSlaShare,
            metrics.SlaBreaches);
    }
}
