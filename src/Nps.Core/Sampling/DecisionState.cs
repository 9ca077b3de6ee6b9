using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>What a decision function sees inside the decision's transaction.</summary>
/// <param name="History">The customer's contact history.</param>
/// <param name="QuotaAvailable">Whether the request's quota can count one more invitation (true when the request names no quota).</param>
/// <param name="FirstSeenAt">The customer's first sighting as recorded, or as this decision records it (the request's
/// <see cref="DecisionRequest.SeenAt"/> when none was recorded before); <see langword="null"/> when the request has no
/// <see cref="DecisionRequest.SeenAt"/> (a store may skip the look-up then).</param>
public readonly record struct DecisionState(ContactHistory History, bool QuotaAvailable, DateTimeOffset? FirstSeenAt = null);
