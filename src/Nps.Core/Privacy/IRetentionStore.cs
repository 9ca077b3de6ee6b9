namespace Nps.Privacy;

/// <summary>
/// A store that erases rows past their retention, in bounded batches: each call is one transaction (in memory: each
/// store under its own lock in turn) removing at most a batch of rows dated before a cutoff, so a large backlog never
/// holds a long lock, and a repeat — or a second instance running the same pass — removes only what is still there.
/// Implemented by every store family (in memory, SQLite, PostgreSQL); run it through <see cref="RetentionPass"/>.
/// </summary>
/// <remarks>
/// Unlike erasure on request (<see cref="ICustomerEraser"/>), retention keeps the rollups: the counts of the removed
/// responses stay in the daily, weekly and monthly rollups (in memory: as anonymous rows without ids, comment or
/// attributes), so reports that read the rollups keep their long-range trends after the personal data is gone.
/// </remarks>
public interface IRetentionStore
{
    /// <summary>
    /// Removes up to <paramref name="batchSize"/> rows in all: responses dated before <paramref name="cutoff"/> (with their
    /// comments and attributes; their counts stay in the rollups), then follow-ups due before it. Records the cutoff,
    /// so counters read the rollups for the days before it.
    /// </summary>
    /// <param name="cutoff">Rows dated before this instant go.</param>
    /// <param name="batchSize">The most rows removed by this call (at least 1).</param>
    /// <param name="cancellationToken">Cancels the batch (nothing of it is removed then).</param>
    /// <returns>How many rows were removed; fewer than <paramref name="batchSize"/> when nothing older is left.</returns>
    ValueTask<int> EraseResponsesBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes up to <paramref name="batchSize"/> rows in all: invitations scheduled before <paramref name="cutoff"/>
    /// (except sent ones whose link still opens then), sampling decisions made before it, contact records
    /// before it — except each customer's latest opt-out or opt-in, since consent does not expire — and first
    /// sightings before it of customers with no contact left.
    /// </summary>
    /// <param name="cutoff">Rows dated before this instant go (the caller keeps it outside the fatigue rules' look-back).</param>
    /// <param name="batchSize">The most rows removed by this call (at least 1).</param>
    /// <param name="cancellationToken">Cancels the batch (nothing of it is removed then).</param>
    /// <returns>How many rows were removed; fewer than <paramref name="batchSize"/> when nothing older is left.</returns>
    ValueTask<int> EraseContactsBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default);
}
