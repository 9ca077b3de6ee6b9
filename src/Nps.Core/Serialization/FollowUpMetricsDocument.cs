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
/// <param name="DetractorsFollowedUp">Of those, contacted or closed.</param>
/// <param name="DetractorFollowUpShare">The share of detractors followed up, in [0, 1]; null without detractors.</param>
/// <param name="MedianHoursToFirstContact">Median time to first contact in hours; null before any contact.</param>
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
    double? MedianHoursToFirstContact)
{
    /// <summary>The document of the metrics.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <returns>The document.</returns>
    public static FollowUpMetricsDocument From(FollowUpMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new FollowUpMetricsDocument(
            metrics.AsOf, metrics.Total, metrics.Open, metrics.Contacted, metrics.Closed, metrics.Overdue, metrics.Detractors,
            metrics.DetractorsFollowedUp, metrics.DetractorFollowUpShare, metrics.MedianTimeToFirstContact?.TotalHours);
    }
}
