namespace Nps.Samples.Console.Commands;

/// <summary>The JSON document of <c>nps follow-ups --format json</c>.</summary>
/// <param name="AsOf">The moment the queue is shown for.</param>
/// <param name="Metrics">Closed-loop metrics at that moment.</param>
/// <param name="Anonymous">Responses that needed a follow-up but had no customer id to contact.</param>
/// <param name="AfterAsOf">Responses after <paramref name="AsOf"/>, left out.</param>
/// <param name="Rejected">Invalid rows skipped with <c>--skip-invalid</c>.</param>
/// <param name="FollowUps">The queue: overdue first, then by due time.</param>
public sealed record FollowUpsDocument(
    DateTimeOffset AsOf, FollowUpMetricsResult Metrics, long Anonymous, long AfterAsOf, long Rejected, IReadOnlyList<FollowUpEntry> FollowUps);

/// <summary>Closed-loop metrics.</summary>
/// <param name="Total">Follow-ups.</param>
/// <param name="Open">Open.</param>
/// <param name="Contacted">Contacted.</param>
/// <param name="Closed">Closed.</param>
/// <param name="Overdue">Open past their due time.</param>
/// <param name="Detractors">Detractor follow-ups.</param>
/// <param name="DetractorsFollowedUp">Of those, contacted or closed.</param>
/// <param name="DetractorFollowUpShare">The share followed up; null without detractors.</param>
/// <param name="MedianHoursToFirstContact">Median time to first contact in hours; null before any contact.</param>
public sealed record FollowUpMetricsResult(
    int Total, int Open, int Contacted, int Closed, int Overdue, int Detractors, int DetractorsFollowedUp, double? DetractorFollowUpShare, double? MedianHoursToFirstContact);

/// <summary>One follow-up in the queue.</summary>
/// <param name="Id">Follow-up id.</param>
/// <param name="ResponseId">The response it comes from.</param>
/// <param name="CustomerId">Whom to contact.</param>
/// <param name="Reason">callback, detractor or passive.</param>
/// <param name="Rating">The rating.</param>
/// <param name="Comment">The comment, if any.</param>
/// <param name="RespondedAt">When the customer answered.</param>
/// <param name="DueAt">When the SLA runs out.</param>
/// <param name="OwnerTeam">The team that owns it.</param>
/// <param name="OwnerAgent">The agent who handled the touchpoint.</param>
/// <param name="Status">open, contacted or closed.</param>
/// <param name="Overdue">Open past its due time at the as-of moment.</param>
public sealed record FollowUpEntry(
    string Id, string ResponseId, string CustomerId, string Reason, int Rating, string? Comment, DateTimeOffset RespondedAt, DateTimeOffset DueAt,
    string? OwnerTeam, string? OwnerAgent, string Status, bool Overdue);
