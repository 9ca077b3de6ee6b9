using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.InMemory;

namespace Nps.Stores.Tests;

/// <summary>The contract on the in-memory stores: a second "instance" is the same objects (memory is the storage).</summary>
public sealed class InMemoryStoreContractTests : StoreContractTests
{
    private StoreSet? _stores;

    /// <inheritdoc/>
    protected override ValueTask<StoreSet> OpenStoresAsync(TimeProvider clock)
    {
        if (_stores is null)
        {
            var ledger = new InMemoryContactLedger(clock);
            var followUps = new InMemoryFollowUpStore();
            var decisions = new InMemoryDecisionStore(ledger);
            var responses = new InMemoryResponseStore(ledger, followUps, decisions.Invitations);
            _stores = new StoreSet(ledger, decisions, responses, followUps)
            {
                Invitations = decisions.Invitations, Eraser = new Nps.InMemory.InMemoryCustomerEraser(ledger, decisions, responses, followUps),
                Retention = new Nps.InMemory.InMemoryRetentionStore(ledger, decisions, responses, followUps),
            };
        }

        return ValueTask.FromResult(_stores);
    }
}
