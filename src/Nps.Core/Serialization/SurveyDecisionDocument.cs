using System.Globalization;
using Nps.Sampling;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of a survey decision (the web API's <c>POST /api/touchpoints</c>, each entry of
/// <c>nps simulate --format json</c>): one flat shape for the three outcomes, every field always present,
/// <c>null</c> where the outcome has no such value.
/// </summary>
/// <param name="Outcome"><c>invite</c>, <c>suppress</c> or <c>defer</c> (<see cref="WireNames"/>).</param>
/// <param name="EventId">The event decided.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">The survey kind: <c>transactional</c> or <c>relational</c>.</param>
/// <param name="DecidedAt">When the decision was taken.</param>
/// <param name="Rule">The rule that suppressed or deferred, e.g. <c>cooldown-after-response</c>; null for an invitation.</param>
/// <param name="Reason">Why, in words (for an invitation: the policy and rate that selected it).</param>
/// <param name="SendAt">When the invitation goes out (invite and defer); null for a suppression.</param>
/// <param name="EligibleAgainAt">When a suppressed customer is eligible again, when the rules say.</param>
/// <param name="InclusionProbability">The probability the event had of being selected (invite and defer), at full precision.</param>
/// <param name="Policy">The sampling policy that selected it, or <c>manual</c> (invite and defer).</param>
/// <param name="IsManual">Whether someone asked for the invitation by hand (kept out of the unbiased score).</param>
/// <param name="RequestedBy">Who asked for a manual invitation.</param>
/// <param name="Checks">Every eligibility check that applied, in evaluation order.</param>
/// <param name="Draw">The keyed sampling draw; null when none was made.</param>
public sealed record SurveyDecisionDocument(
    string Outcome,
    string EventId,
    string CustomerId,
    string Kind,
    DateTimeOffset DecidedAt,
    string? Rule,
    string Reason,
    DateTimeOffset? SendAt,
    DateTimeOffset? EligibleAgainAt,
    double? InclusionProbability,
    string? Policy,
    bool IsManual,
    string? RequestedBy,
    IReadOnlyList<EligibilityCheckDocument> Checks,
    SamplingDrawDocument? Draw)
{
    /// <summary>The document of a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The document.</returns>
    public static SurveyDecisionDocument From(SurveyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var checks = decision.Checks.Select(c => new EligibilityCheckDocument(c.Rule, c.Passed, c.Detail, c.EligibleAgainAt)).ToList();
        var draw = decision.Draw is { } d ? new SamplingDrawDocument(d.Policy, d.Rate, d.Value, d.Selected, d.Input, d.KeyId) : null;
        var (rule, reason, sendAt, eligibleAgainAt, probability, policy, manual, requestedBy) = decision switch
        {
            InviteDecision invite => ((string?)null, Selected(invite), (DateTimeOffset?)invite.SendAt, (DateTimeOffset?)null,
                (double?)invite.InclusionProbability, invite.Policy, invite.IsManual, invite.RequestedBy),
            DeferDecision defer => (defer.Rule, defer.Reason, defer.SendAt, null, defer.InclusionProbability, defer.Policy, defer.IsManual, defer.RequestedBy),
            SuppressDecision suppress => (suppress.Rule, suppress.Reason, null, suppress.EligibleAgainAt, null, null, false, null),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.GetType().Name, "Not a known survey decision."),
        };
        return new SurveyDecisionDocument(
            WireNames.Format(decision.Outcome), decision.EventId, decision.CustomerId, WireNames.Format(decision.Kind), decision.DecidedAt,
            rule, reason, sendAt, eligibleAgainAt, probability, policy, manual, requestedBy, checks, draw);
    }

    private static string Selected(InviteDecision invite) => invite.IsManual
        ? "manual invitation" + (invite.RequestedBy is { } by ? $" requested by {by}" : "")
        : $"selected by policy {invite.Policy}" +
          (invite.Draw is { } d ? string.Create(CultureInfo.InvariantCulture, $" at rate {d.Rate}") : "");
}

/// <summary>One eligibility check of a decision.</summary>
/// <param name="Rule">The rule, e.g. <c>cooldown-after-response</c>.</param>
/// <param name="Passed">Whether the event passed it.</param>
/// <param name="Detail">What the rule found, in words.</param>
/// <param name="EligibleAgainAt">When the check would pass again, when known.</param>
public sealed record EligibilityCheckDocument(string Rule, bool Passed, string Detail, DateTimeOffset? EligibleAgainAt);

/// <summary>The keyed sampling draw of a decision, so it can be audited and reproduced.</summary>
/// <param name="Policy">The sampling policy.</param>
/// <param name="Rate">Its rate, in [0, 1].</param>
/// <param name="Value">The keyed uniform value in [0, 1); the event is selected when it is below the rate.</param>
/// <param name="Selected">Whether the event was selected.</param>
/// <param name="Input">What was hashed besides the customer id: the event id, or <c>cycle:N</c> for relational surveys.</param>
/// <param name="KeyId">A fingerprint of the sampling key (not the key), so an audit knows which key drew.</param>
public sealed record SamplingDrawDocument(string Policy, double Rate, double Value, bool Selected, string Input, string KeyId);
