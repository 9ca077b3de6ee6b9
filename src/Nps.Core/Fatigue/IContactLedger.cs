namespace Nps.Fatigue;

/// <summary>
/// The contact history the fatigue rules need (invitations, responses, follow-ups, opt-outs), shared by every
/// instance that decides surveys.
/// </summary>
/// <remarks>
/// <para>The contract, for every implementation (in memory, SQLite, a server database):</para>
/// <list type="bullet">
/// <item><see cref="CheckAndRecordAsync{TResult}"/> is atomic per customer: reading the history, running the
/// decision function and appending its record happen as one step, so concurrent calls for the same customer
/// behave as if run one after another (a lock per customer or stripe in memory; one transaction in SQL).</item>
/// <item>The decision function is pure and fast: it may run more than once (a database may retry a
/// transaction) and must not do I/O.</item>
/// <item>Histories are ordered by time; an implementation may forget records older than its
/// <see cref="Retention"/>, except the latest opt-out/opt-in. A program whose rules look back further than the
/// retention refuses to start on the ledger.</item>
/// <item>An invitation recorded through a <see cref="Sampling.IDecisionStore"/> keeps its event id and inclusion
/// probability (<see cref="LedgerEntry"/>), so a response that names its invitation can be weighted by it.</item>
/// <item>Unknown customers have an empty history; ids are compared ordinally.</item>
/// <item>Nothing stored may later make a read fail: a record the ledger cannot represent is refused when
/// written (an <see cref="ArgumentException"/>), never stored.</item>
/// </list>
/// </remarks>
public interface IContactLedger
{
    /// <summary>
    /// How long the ledger keeps records (<see cref="TimeSpan.MaxValue"/> when it forgets nothing). A program
    /// whose rules look back further refuses to start on this ledger.
    /// </summary>
    TimeSpan Retention { get; }

    /// <summary>Reads the customer's history, decides, and appends the decided record, atomically.</summary>
    /// <typeparam name="TResult">The decision function's result.</typeparam>
    /// <param name="customerId">The customer.</param>
    /// <param name="decide">A pure function from the current history to a result and an optional record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision function's result.</returns>
    ValueTask<TResult> CheckAndRecordAsync<TResult>(string customerId, Func<ContactHistory, LedgerDecision<TResult>> decide,
        CancellationToken cancellationToken = default);

    /// <summary>Appends a record (a response, a follow-up, an opt-out) to the customer's history.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask RecordAsync(string customerId, ContactRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads the customer's history.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A snapshot of the history, oldest first.</returns>
    ValueTask<ContactHistory> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the customer's history with what is known about each record beyond its 8 bytes: the event id and
    /// inclusion probability of invitations recorded by a decision.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries, oldest first (the same records as <see cref="GetHistoryAsync"/>).</returns>
    ValueTask<IReadOnlyList<LedgerEntry>> GetEntriesAsync(string customerId, CancellationToken cancellationToken = default);
}
