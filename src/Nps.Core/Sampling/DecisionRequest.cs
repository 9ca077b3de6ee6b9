namespace Nps.Sampling;

/// <summary>
/// What a decision is about: the event's idempotency key, the quota an invitation would count against, and the
/// moment to record as the customer's first sighting.
/// </summary>
public sealed record DecisionRequest
{
    /// <summary>The customer (non-empty).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The event (non-empty); with <see cref="CustomerId"/>, the idempotency key.</summary>
    public required string EventId { get; init; }

    /// <summary>The quota an invitation counts against, or <see langword="null"/> when none applies.</summary>
    public QuotaKey? Quota { get; init; }

    /// <summary>
    /// When set, the moment this decision sees the customer: the store records it as the customer's first sighting
    /// unless one is recorded already (in the decision's transaction, never on a replay), and passes the recorded one
    /// to the decision function as <see cref="DecisionState.FirstSeenAt"/>. <see cref="SurveyProgram"/> sets it, to
    /// the second, for relational events, whose first slot counts from the first sighting.
    /// </summary>
    public DateTimeOffset? SeenAt { get; init; }
}
