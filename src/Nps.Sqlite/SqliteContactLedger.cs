using Microsoft.Data.Sqlite;
using Nps.Fatigue;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>
/// An <see cref="IContactLedger"/> in SQLite. Check-and-record is one <c>BEGIN IMMEDIATE</c> transaction, so
/// concurrent calls — in this process or another on the same file — are decided one after another. Records are
/// stored in their 8-byte packed form, which orders by time; invitations decided by <see cref="SqliteDecisionStore"/>
/// keep their event id and inclusion probability. The ledger forgets nothing itself (<see cref="Retention"/> is unbounded);
/// retention (<see cref="SqliteRetentionStore"/>) trims only records older than the rules look back on.
/// </summary>
public sealed class SqliteContactLedger : IContactLedger
{
    private readonly SqliteNpsDatabase _database;

    /// <summary>Creates the ledger on a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteContactLedger(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public TimeSpan Retention => TimeSpan.MaxValue;

    /// <inheritdoc/>
    public async ValueTask<TResult> CheckAndRecordAsync<TResult>(string customerId, Func<ContactHistory, LedgerDecision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(decide);
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var history = await ReadHistoryAsync(write.Connection, write, customerId, cancellationToken).ConfigureAwait(false);
        var decision = decide(history);
        if (decision.Record is { } record) await InsertAsync(write, customerId, new LedgerEntry(record), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decision.Result;
    }

    /// <inheritdoc/>
    public async ValueTask RecordAsync(string customerId, ContactRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await InsertAsync(write, customerId, new LedgerEntry(record), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ContactHistory> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHistoryAsync(connection, null, customerId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<LedgerEntry>> GetEntriesAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT packed, event_id, inclusion_probability FROM nps_contacts WHERE customer_id = $customer ORDER BY packed, rowid;";
        select.Parameters.AddWithValue("$customer", customerId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ContactRows.ReadEntriesAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends an entry inside a write (a decision or a response commits it with its own rows).</summary>
    internal static async Task InsertAsync(SqliteWrite write, string customerId, LedgerEntry entry, CancellationToken cancellationToken)
    {
        await using var insert = write.Command("INSERT INTO nps_contacts (customer_id, packed, event_id, inclusion_probability) VALUES ($customer, $packed, $event, $p);");
        insert.Parameters.AddWithValue("$customer", customerId);
        insert.Parameters.AddWithValue("$packed", entry.Record.Packed);
        insert.Parameters.AddWithValue("$event", (object?)entry.EventId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$p", (object?)entry.InclusionProbability ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a history, inside a write when one is given.</summary>
    internal static async Task<ContactHistory> ReadHistoryAsync(SqliteConnection connection, SqliteWrite? write, string customerId, CancellationToken cancellationToken)
    {
        await using var select = write?.Command("") ?? connection.CreateCommand();
        select.CommandText = "SELECT packed FROM nps_contacts WHERE customer_id = $customer ORDER BY packed;";
        select.Parameters.AddWithValue("$customer", customerId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ContactRows.ReadHistoryAsync(reader, cancellationToken).ConfigureAwait(false);
    }
}
