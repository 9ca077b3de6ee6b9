namespace Nps.Privacy;

/// <summary>
/// Runs retention over a store: removes what is past the <see cref="RetentionPolicy"/> in batches of
/// <see cref="BatchSize"/> rows (one transaction each), at most <see cref="MaxBatches"/> batches of each kind per pass,
/// so a pass over a large backlog ends and the next one goes on. Safe on several instances over one store: the
/// deletes are idempotent, and a row removed by one instance is simply not found by the other.
/// </summary>
public sealed class RetentionPass
{
    private readonly IRetentionStore _store;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the pass.</summary>
    /// <param name="store">The stores' retention.</param>
    /// <param name="policy">What is kept how long.</param>
    /// <param name="batchSize">Rows per transaction (at least 1; default 1,000).</param>
    /// <param name="maxBatches">Batches of each kind per pass (at least 1; default 100).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public RetentionPass(IRetentionStore store, RetentionPolicy policy, int batchSize = 1000, int maxBatches = 100, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatches, 1);
        _store = store;
        Policy = policy;
        BatchSize = batchSize;
        MaxBatches = maxBatches;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>What is kept how long.</summary>
    public RetentionPolicy Policy { get; }

    /// <summary>Rows per transaction.</summary>
    public int BatchSize { get; }

    /// <summary>Batches of each kind per pass.</summary>
    public int MaxBatches { get; }

    /// <summary>Removes what is past its retention now, up to the batch limit.</summary>
    /// <param name="cancellationToken">Cancels the pass (between or during batches; a batch is all or nothing).</param>
    /// <returns>The counts removed, and whether the pass finished.</returns>
    public async ValueTask<RetentionPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var (responses, responsesDone) = Policy.ResponsesCutoff(now) is { } responsesCutoff
            ? await RunAsync(responsesCutoff, _store.EraseResponsesBeforeAsync, cancellationToken).ConfigureAwait(false)
            : (0, true);
        var (contacts, contactsDone) = Policy.ContactsCutoff(now) is { } contactsCutoff
            ? await RunAsync(contactsCutoff, _store.EraseContactsBeforeAsync, cancellationToken).ConfigureAwait(false)
            : (0, true);
        return new RetentionPassResult(responses, contacts, responsesDone && contactsDone);
    }

    private async ValueTask<(long Removed, bool Done)> RunAsync(DateTimeOffset cutoff,
        Func<DateTimeOffset, int, CancellationToken, ValueTask<int>> batch, CancellationToken cancellationToken)
    {
        long removed = 0;
        for (var i = 0; i < MaxBatches; i++)
        {
            var count = await batch(cutoff, BatchSize, cancellationToken).ConfigureAwait(false);
            removed += count;
            if (count < BatchSize) return (removed, true);
        }

        return (removed, false);
    }
}
