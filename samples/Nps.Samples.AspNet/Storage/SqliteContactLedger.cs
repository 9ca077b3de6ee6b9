using Microsoft.Data.Sqlite;
using Nps.Fatigue;

namespace Nps.Samples.AspNet.Storage;

/// <summary>
/// An <see cref="IContactLedger"/> in SQLite. Check-and-record is one <c>BEGIN IMMEDIATE</c> transaction: the
/// write lock is held from reading the history to appending the record, so concurrent requests — in this
/// process or in another instance on the same file — are decided one after another. Records are stored as their
/// 8-byte packed form, which orders by time.
/// </summary>
public sealed class SqliteContactLedger(SqliteDatabase database) : IContactLedger
{
    /// <inheritdoc/>
    public TimeSpan Retention => TimeSpan.MaxValue;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<LedgerEntry>> GetEntriesAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var history = await GetHistoryAsync(customerId, cancellationToken).ConfigureAwait(false);
        return history.Records.ToArray().Select(r => new LedgerEntry(r)).ToList();
    }

    /// <inheritdoc/>
    public async ValueTask<TResult> CheckAndRecordAsync<TResult>(string customerId, Func<ContactHistory, LedgerDecision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(decide);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var history = await ReadAsync(connection, transaction, customerId, cancellationToken).ConfigureAwait(false);
        var decision = decide(history);
        if (decision.Record is { } record) await InsertAsync(connection, transaction, customerId, record, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decision.Result;
    }

    /// <inheritdoc/>
    public async ValueTask RecordAsync(string customerId, ContactRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, null, customerId, record, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ContactHistory> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, customerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a record inside a caller's transaction (a response and its contact record commit together).</summary>
    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, string customerId, ContactRecord record,
        CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO contacts (customer_id, packed) VALUES ($customer, $packed);";
        insert.Parameters.AddWithValue("$customer", customerId);
        insert.Parameters.AddWithValue("$packed", record.Packed);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ContactHistory> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string customerId,
        CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT packed FROM contacts WHERE customer_id = $customer ORDER BY packed;";
        select.Parameters.AddWithValue("$customer", customerId);
        var records = new List<ContactRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) records.Add(ContactRecord.FromPacked(reader.GetInt64(0)));
        return ContactHistory.From(records);
    }
}
