using Npgsql;
using Nps.Privacy;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>
/// Erasure on PostgreSQL (migration 9): one transaction, holding the customer's lock (the one decisions take), deletes
/// the customer's rows from every table and keeps the tombstone in <c>nps_erased_customers</c>. The statement-level
/// rollup and version triggers on <c>nps_responses</c> see the delete, so rollups stay equal to the rows and the
/// response data version moves. Dead tuples stay in the heap until vacuum reclaims them, as for any delete.
/// </summary>
public sealed class PostgreSqlCustomerEraser : ICustomerEraser
{
    /// <summary>The migration: the tombstone table.</summary>
    internal const string Create = """
        CREATE TABLE IF NOT EXISTS nps_erased_customers (
            customer_hash text PRIMARY KEY,
            erased_at     timestamptz NOT NULL
        );
        """;

    private static readonly string[] Deletes = [.. CustomerTables.Deletes("$1")];

    private readonly PostgreSqlNpsDatabase _database;

    /// <summary>Creates the eraser over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlCustomerEraser(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<int> EraseCustomerAsync(string customerId, CustomerTombstone tombstone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(tombstone);
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                CustomerLock.Take(customerId),
                new("""
                    INSERT INTO nps_erased_customers (customer_hash, erased_at) VALUES ($1, $2)
                    ON CONFLICT (customer_hash) DO UPDATE SET erased_at = greatest(nps_erased_customers.erased_at, excluded.erased_at)
                    """)
                {
                    Parameters = { new() { Value = tombstone.CustomerHash }, new() { Value = tombstone.ErasedAt.ToUniversalTime() } },
                },
            },
        };
        foreach (var delete in Deletes) batch.BatchCommands.Add(new(delete) { Parameters = { new() { Value = customerId } } });
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        for (var i = 2; i < batch.BatchCommands.Count; i++) removed += batch.BatchCommands[i].RecordsAffected;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <inheritdoc/>
    public async ValueTask<CustomerTombstone?> FindTombstoneAsync(string customerHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerHash);
        await using var command = _database.DataSource.CreateCommand("SELECT erased_at FROM nps_erased_customers WHERE customer_hash = $1");
        command.Parameters.Add(new() { Value = customerHash });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at
            ? new CustomerTombstone(customerHash, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))
            : null;
    }
}
