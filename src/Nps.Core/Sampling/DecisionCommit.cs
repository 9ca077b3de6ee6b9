using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>What a decision function returns: the decision to store, and what to record with it.</summary>
/// <param name="Decision">The decision (its customer and event are the request's).</param>
/// <param name="Invitation">The invitation to append to the ledger (kind <see cref="ContactKind.Invitation"/>,
/// with its event id and inclusion probability), or <see langword="null"/> to record none.</param>
/// <param name="CountsQuota">Whether the invitation counts against the request's quota (only when it was available).</param>
public sealed record DecisionCommit(SurveyDecision Decision, LedgerEntry? Invitation = null, bool CountsQuota = false);
