namespace Nps.Samples.Console.Simulation;

/// <summary>The JSON document of <c>nps simulate --format json</c>.</summary>
/// <param name="Decisions">One decision per event, in input order.</param>
/// <param name="Summary">Totals and what they buy.</param>
public sealed record SimulationDocument(IReadOnlyList<SimulatedDecision> Decisions, SimulationSummary Summary);

/// <summary>One event's decision.</summary>
/// <param name="EventId">The event.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Outcome"><c>invite</c>, <c>suppress</c> or <c>defer</c>.</param>
/// <param name="Rule">The rule that suppressed or deferred; null for an invitation.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="SendAt">When the invitation goes out (invite and defer).</param>
/// <param name="InclusionProbability">The probability the event had of being selected (invite and defer).</param>
/// <param name="Policy">The sampling policy that selected it (invite and defer).</param>
/// <param name="EligibleAgainAt">When a suppressed customer is eligible again, when known.</param>
public sealed record SimulatedDecision(
    string EventId,
    string CustomerId,
    string Outcome,
    string? Rule,
    string Reason,
    DateTimeOffset? SendAt,
    double? InclusionProbability,
    string? Policy,
    DateTimeOffset? EligibleAgainAt);

/// <summary>What the program would have done with the whole log.</summary>
/// <param name="Events">Events replayed.</param>
/// <param name="Invitations">Invitations (sent at once or deferred).</param>
/// <param name="Deferred">Invitations deferred (quiet hours, allowed days).</param>
/// <param name="Suppressions">Suppressions per rule.</param>
/// <param name="Coverage">Per segment: events, invitations and the invited share.</param>
/// <param name="ResponseRate">The assumed response rate.</param>
/// <param name="ExpectedResponses">Invitations × response rate.</param>
/// <param name="Level">The confidence level of the width below.</param>
/// <param name="IntervalWidth">
/// Full width in NPS points of the interval the expected responses buy, in the worst case (variance 1).
/// </param>
public sealed record SimulationSummary(
    long Events,
    long Invitations,
    long Deferred,
    IReadOnlyDictionary<string, long> Suppressions,
    IReadOnlyList<SegmentCoverage> Coverage,
    double ResponseRate,
    double ExpectedResponses,
    double Level,
    double? IntervalWidth);

/// <summary>How much of one segment is invited.</summary>
/// <param name="Segment">Dimension name → value (e.g. team → Billing).</param>
/// <param name="Events">Events in the segment.</param>
/// <param name="Invitations">Invitations in the segment.</param>
/// <param name="Coverage">Invitations / events.</param>
public sealed record SegmentCoverage(IReadOnlyDictionary<string, string> Segment, long Events, long Invitations, double Coverage);
