using System.Collections.Concurrent;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Privacy;
using Nps.Sampling;

namespace Nps.InMemory;

/// <summary>
/// Erasure over the in-memory stores: each store's rows of the customer are removed under that store's lock in turn
/// (memory has no transaction over several stores; the responses go first, so no report counts a response whose
/// contact is gone), and tombstones are kept in memory like everything else here.
/// </summary>
public sealed class InMemoryCustomerEraser : ICustomerEraser
{
    private readonly InMemoryStores _stores;
    private readonly ConcurrentDictionary<string, CustomerTombstone> _tombstones = new(StringComparer.Ordinal);

    /// <summary>Creates the eraser over the stores that share one memory.</summary>
    /// <param name="ledger">The contact ledger.</param>
    /// <param name="decisions">The decision store (with its outbox, <see cref="InMemoryDecisionStore.Invitations"/>).</param>
    /// <param name="responses">The response store.</param>
    /// <param name="followUps">The follow-up store.</param>
    public InMemoryCustomerEraser(InMemoryContactLedger ledger, InMemoryDecisionStore decisions, InMemoryResponseStore responses, InMemoryFollowUpStore followUps)
        => _stores = new(ledger, decisions, responses, followUps);

    /// <inheritdoc/>
    public ValueTask<int> EraseCustomerAsync(string customerId, CustomerTombstone tombstone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(tombstone);
        cancellationToken.ThrowIfCancellationRequested();
        _tombstones.AddOrUpdate(tombstone.CustomerHash, tombstone, (_, old) => old.ErasedAt >= tombstone.ErasedAt ? old : tombstone);
        var removed = _stores.Responses.Forget(customerId) + _stores.FollowUps.Forget(customerId) + _stores.Decisions.Invitations.Forget(customerId)
            + _stores.Decisions.Forget(customerId) + _stores.Ledger.Forget(customerId);
        return ValueTask.FromResult(removed);
    }

    /// <inheritdoc/>
    public ValueTask<CustomerTombstone?> FindTombstoneAsync(string customerHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerHash);
        return ValueTask.FromResult(_tombstones.TryGetValue(customerHash, out var found) ? found : null);
    }
}
