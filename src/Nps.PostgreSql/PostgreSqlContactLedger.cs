using Npgsql;
using Nps.Fatigue;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>
/// The contact ledger in PostgreSQL, shared by every instance on the database: each check-and-record is one
/// transaction under the customer's advisory lock (see the package README), so concurrent decisions for one
/// customer, in any process, behave as if run one after another. Keeps every record itself (no retention limit);
/// retention (<see cref="PostgreSqlRetentionStore"/>) trims only records older than the rules look back on.
/// </summary>
public sealed class PostgreSqlContactLedger : IContactLedger
{
    private readonly PostgreSqlNpsDatabase _database;

    /// <summary>A ledger on a migrated database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlContactLedger(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public TimeSpan Retention => TimeSpan.MaxValue;

    /// <inheritdoc />
    public async ValueTask<TResult> CheckAndRecordAsync<TResult>(string customerId, Func<ContactHistory, LedgerDecision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(decide);
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        ContactHistory history;
        await using (var read = new NpgsqlBatch(connection, transaction) { BatchCommands = { CustomerLock.Take(customerId), CustomerLock.ReadHistory(customerId) } })
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            history = await ContactRows.ReadHistoryAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        var decision = decide(history);
        if (decision.Record is { } record)
        {
            await using var write = new NpgsqlBatch(connection, transaction) { BatchCommands = { CustomerLock.InsertContact(customerId, record.Packed) } };
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decision.Result;
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(string customerId, ContactRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var write = new NpgsqlBatch(connection, transaction) { BatchCommands = { CustomerLock.Take(customerId), CustomerLock.InsertContact(customerId, record.Packed) } })
        {
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ContactHistory> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        await using var command = _database.DataSource.CreateCommand(CustomerLock.HistorySql);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ContactRows.ReadHistoryAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<LedgerEntry>> GetEntriesAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        await using var command = _database.DataSource.CreateCommand(
            "SELECT packed, event_id, inclusion_probability FROM nps_contacts WHERE customer_id = $1 ORDER BY packed, seq");
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ContactRows.ReadEntriesAsync(reader, cancellationToken).ConfigureAwait(false);
    }
}
