using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Privacy;
using Nps.Sampling;

namespace Nps.InMemory;

/// <summary>
/// Retention over the in-memory stores: each store's old rows are removed under that store's lock in turn, within one
/// budget of rows per call. The responses' counts stay as anonymous rows, as the databases' rollups keep them.
/// </summary>
public sealed class InMemoryRetentionStore : IRetentionStore
{
    private readonly InMemoryStores _stores;

    /// <summary>Creates the retention over the stores that share one memory.</summary>
    /// <param name="ledger">The contact ledger.</param>
    /// <param name="decisions">The decision store (with its outbox, <see cref="InMemoryDecisionStore.Invitations"/>).</param>
    /// <param name="responses">The response store.</param>
    /// <param name="followUps">The follow-up store.</param>
    public InMemoryRetentionStore(InMemoryContactLedger ledger, InMemoryDecisionStore decisions, InMemoryResponseStore responses, InMemoryFollowUpStore followUps)
        => _stores = new(ledger, decisions, responses, followUps);

    /// <inheritdoc/>
    public ValueTask<int> EraseResponsesBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = _stores.Responses.ForgetBefore(cutoff, batchSize);
        removed += _stores.FollowUps.ForgetDueBefore(cutoff, batchSize - removed);
        return ValueTask.FromResult(removed);
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseContactsBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = _stores.Decisions.Invitations.ForgetBefore(cutoff, batchSize);
        removed += _stores.Ledger.ForgetBefore(cutoff, batchSize - removed);
        removed += _stores.Decisions.ForgetBefore(cutoff, batchSize - removed); // first sightings after the contacts: "no contact left" is then current
        return ValueTask.FromResult(removed);
    }
}
