using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>What a decision function sees inside the decision's transaction.</summary>
/// <param name="History">The customer's contact history.</param>
/// <param name="QuotaAvailable">Whether the request's quota can count one more invitation (true when the request names no quota).</param>
public readonly record struct DecisionState(ContactHistory History, bool QuotaAvailable);
