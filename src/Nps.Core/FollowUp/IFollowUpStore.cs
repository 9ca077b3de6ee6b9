namespace Nps.FollowUp;

/// <summary>Where follow-ups are kept (in memory, a database).</summary>
/// <remarks>
/// The contract: ids are compared ordinally; <see cref="AddIfAbsentAsync"/> is atomic per id (two concurrent
/// adds of the same follow-up store one); <see cref="TryReplaceAsync"/> replaces only if the stored value still
/// equals the one read (optimistic concurrency), so two people closing the same follow-up cannot both win.
/// </remarks>
public interface IFollowUpStore
{
    /// <summary>Finds a follow-up by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The follow-up, or null.</returns>
    ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a follow-up unless one with its id exists.</summary>
    /// <param name="followUp">The follow-up.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored follow-up (the existing one when there was one) and whether it was added now.</returns>
    ValueTask<(FollowUpCase Stored, bool Added)> AddIfAbsentAsync(FollowUpCase followUp, CancellationToken cancellationToken = default);

    /// <summary>Replaces a follow-up if it still equals <paramref name="current"/>.</summary>
    /// <param name="current">The value read before.</param>
    /// <param name="updated">The new value (same id).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was replaced.</returns>
    ValueTask<bool> TryReplaceAsync(FollowUpCase current, FollowUpCase updated, CancellationToken cancellationToken = default);

    /// <summary>Lists follow-ups, optionally by status, ordered by due time, then id.</summary>
    /// <param name="status">Only this status; all when null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The follow-ups.</returns>
    ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>Lists one customer's follow-ups, ordered by due time, then id.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The follow-ups.</returns>
    ValueTask<IReadOnlyList<FollowUpCase>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts follow-ups (all, or one team's, optionally answered by a moment) by status, category and standing against
    /// their due time, without reading them: what the loop's metrics and the huddle's queue need.
    /// </summary>
    /// <param name="query">Which to count, and the moment to judge at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts (the same on every store for the same follow-ups).</returns>
    ValueTask<FollowUpCounts> CountAsync(FollowUpCountQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of follow-ups (optionally of one status and team), ordered by due time, then id hash
    /// (<see cref="FollowUpListPosition"/>), after a position.
    /// </summary>
    /// <param name="query">The filters, the position and the page size.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <see cref="FollowUpPageQuery.Limit"/> follow-ups.</returns>
    ValueTask<IReadOnlyList<FollowUpCase>> ListPageAsync(FollowUpPageQuery query, CancellationToken cancellationToken = default);
}
