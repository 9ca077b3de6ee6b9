namespace Nps.Privacy;

/// <summary>
/// Erases customers on request and refuses their old rows afterwards: the erasure goes to the store's
/// <see cref="ICustomerEraser"/> with a tombstone made now; <see cref="IsErasedAsync"/> tells an import or a retry
/// whether a row of a customer is dated at or before that customer's erasure.
/// </summary>
public sealed class CustomerErasure
{
    private readonly ICustomerEraser _eraser;
    private readonly CustomerTombstones _tombstones;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="eraser">The stores' eraser.</param>
    /// <param name="tombstones">The keyed hash (for a program: <see cref="Sampling.SurveyProgram.Tombstones"/>).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public CustomerErasure(ICustomerEraser eraser, CustomerTombstones tombstones, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(eraser);
        ArgumentNullException.ThrowIfNull(tombstones);
        _eraser = eraser;
        _tombstones = tombstones;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The reason given when a row of an erased customer is refused.</summary>
    public const string ErasedReason = "The customer was erased on request; rows dated before the erasure are not stored again.";

    /// <summary>Erases everything about a customer and keeps a tombstone (idempotent: a repeat erases what came since).</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>How many rows were removed.</returns>
    public ValueTask<int> EraseCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var now = StoredTime.ToStoredPrecision(_timeProvider.GetUtcNow());
        return _eraser.EraseCustomerAsync(customerId, _tombstones.Create(customerId, now), cancellationToken);
    }

    /// <summary>Whether a row of a customer dated <paramref name="at"/> belongs to before that customer's erasure.</summary>
    /// <param name="customerId">The customer id (empty: never erased).</param>
    /// <param name="at">When the row happened (a response's or touchpoint's time).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Whether the row must be refused.</returns>
    public async ValueTask<bool> IsErasedAsync(string customerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        if (customerId.Length == 0) return false;
        return await _eraser.FindTombstoneAsync(_tombstones.Hash(customerId), cancellationToken).ConfigureAwait(false) is { } tombstone
            && at <= tombstone.ErasedAt;
    }
}
