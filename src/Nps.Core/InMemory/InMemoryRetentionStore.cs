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
    private readonly InMemoryContactLedger _ledger;
    private readonly InMemoryDecisionStore _decisions;
    private readonly InMemoryResponseStore _responses;
    private readonly InMemoryFollowUpStore _followUps;

    /// <summary>Creates the retention over the stores that share one memory.</summary>
    /// <param name="ledger">The contact ledger.</param>
    /// <param name="decisions">The decision store (with its outbox, <see cref="InMemoryDecisionStore.Invitations"/>).</param>
    /// <param name="responses">The response store.</param>
    /// <param name="followUps">The follow-up store.</param>
    public InMemoryRetentionStore(InMemoryContactLedger ledger, InMemoryDecisionStore decisions, InMemoryResponseStore responses, InMemoryFollowUpStore followUps)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(followUps);
        _ledger = ledger;
        _decisions = decisions;
        _responses = responses;
        _followUps = followUps;
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseResponsesBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = _responses.ForgetBefore(cutoff, batchSize);
        removed += _followUps.ForgetDueBefore(cutoff, batchSize - removed);
        return ValueTask.FromResult(removed);
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseContactsBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var removed = _decisions.Invitations.ForgetBefore(cutoff, batchSize);
        removed += _ledger.ForgetBefore(cutoff, batchSize - removed);
        removed += _decisions.ForgetBefore(cutoff, batchSize - removed); // first sightings after the contacts: "no contact left" is then current
        return ValueTask.FromResult(removed);
    }
}
