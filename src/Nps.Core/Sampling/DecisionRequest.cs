namespace Nps.Sampling;

/// <summary>What a decision is about: the event's idempotency key and the quota an invitation would count against.</summary>
public sealed record DecisionRequest
{
    /// <summary>The customer (non-empty).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The event (non-empty); with <see cref="CustomerId"/>, the idempotency key.</summary>
    public required string EventId { get; init; }

    /// <summary>The quota an invitation counts against, or <see langword="null"/> when none applies.</summary>
    public QuotaKey? Quota { get; init; }
}
