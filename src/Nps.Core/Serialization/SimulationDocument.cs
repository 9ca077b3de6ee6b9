namespace Nps.Serialization;

/// <summary>
/// The JSON contract of a replay of a contact log through a survey program (<c>nps simulate --format json</c>):
/// every decision, and what the volume buys. Built with <see cref="SimulationDocumentBuilder"/>.
/// </summary>
/// <param name="Decisions">One decision per event, in input order.</param>
/// <param name="Summary">Totals and what they buy.</param>
public sealed record SimulationDocument(IReadOnlyList<SurveyDecisionDocument> Decisions, SimulationSummaryDocument Summary);

/// <summary>What the program would have done with the whole log, at full precision.</summary>
/// <param name="Events">Events replayed.</param>
/// <param name="Invitations">Invitations (sent at once or deferred).</param>
/// <param name="Deferred">Invitations deferred (quiet hours, allowed days).</param>
/// <param name="Suppressions">Suppressions per rule, by rule name.</param>
/// <param name="Coverage">Per segment of the chosen dimension: events, invitations and the invited share.</param>
/// <param name="ResponseRate">The assumed response rate, in (0, 1].</param>
/// <param name="ExpectedResponses">Invitations × response rate.</param>
/// <param name="Level">The confidence level of the width below.</param>
/// <param name="IntervalWidth">Full width in NPS points of the interval the expected responses buy in the worst
/// case (variance 1); null below one expected response.</param>
public sealed record SimulationSummaryDocument(
    long Events,
    long Invitations,
    long Deferred,
    IReadOnlyDictionary<string, long> Suppressions,
    IReadOnlyList<SegmentCoverageDocument> Coverage,
    double ResponseRate,
    double ExpectedResponses,
    double Level,
    double? IntervalWidth);

/// <summary>How much of one segment is invited.</summary>
/// <param name="Segment">Dimension name → value (e.g. team → Billing); the value is empty when the events had none.</param>
/// <param name="Events">Events in the segment.</param>
/// <param name="Invitations">Invitations in the segment.</param>
/// <param name="Coverage">Invitations / events, in [0, 1].</param>
public sealed record SegmentCoverageDocument(IReadOnlyDictionary<string, string> Segment, long Events, long Invitations, double Coverage);
