namespace Nps.Privacy;

/// <summary>
/// A store that erases a customer: every row about them, in every table, in one transaction, leaving a
/// <see cref="CustomerTombstone"/>. Implemented by every store family (in memory, SQLite, PostgreSQL); use it through
/// <see cref="CustomerErasure"/>, which makes the tombstone.
/// </summary>
public interface ICustomerEraser
{
    /// <summary>
    /// Removes the customer's contacts, decisions, first sighting, invitations (with their token hashes), responses
    /// (with their comments and attributes) and follow-ups, and stores the tombstone (an existing tombstone of the same
    /// hash keeps the later time). Rollups follow the removed responses; the response data version moves when any was
    /// removed. Erasing a customer with no rows stores the tombstone only.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="tombstone">The tombstone to keep.</param>
    /// <param name="cancellationToken">Cancels the erasure (nothing is removed then).</param>
    /// <returns>How many rows were removed.</returns>
    ValueTask<int> EraseCustomerAsync(string customerId, CustomerTombstone tombstone, CancellationToken cancellationToken = default);

    /// <summary>The tombstone stored under a hash, or <see langword="null"/>.</summary>
    /// <param name="customerHash">The keyed hash (<see cref="CustomerTombstones.Hash"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tombstone, or <see langword="null"/>.</returns>
    ValueTask<CustomerTombstone?> FindTombstoneAsync(string customerHash, CancellationToken cancellationToken = default);
}
