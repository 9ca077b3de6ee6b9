using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>What a decision function returns: the decision to store, and what to record with it.</summary>
/// <param name="Decision">The decision (its customer and event are the request's).</param>
/// <param name="Invitation">The invitation to append to the ledger (kind <see cref="ContactKind.Invitation"/>,
/// with its event id and inclusion probability), or <see langword="null"/> to record none.</param>
/// <param name="CountsQuota">Whether the invitation counts against the request's quota (only when it was available).</param>
/// <param name="Delivery">The invitation to put in the store's outbox (<see cref="Delivery.IInvitationStore"/>), in the same
/// transaction; <see langword="null"/> for none. A store without an outbox ignores it.</param>
public sealed record DecisionCommit(SurveyDecision Decision, LedgerEntry? Invitation = null, bool CountsQuota = false, Delivery.SurveyInvitation? Delivery = null);
