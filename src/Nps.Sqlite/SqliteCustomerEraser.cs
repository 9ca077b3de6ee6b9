using Nps.Privacy;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>
/// Erasure on SQLite (schema version 9): one <c>BEGIN IMMEDIATE</c> transaction deletes the customer's rows from every
/// table and keeps the tombstone in <c>nps_erased_customers</c>; the rollup and version triggers on
/// <c>nps_responses</c> see the deletes, so rollups stay equal to the rows and the response data version moves.
/// <c>PRAGMA secure_delete</c> makes SQLite overwrite the deleted content with zeros, and a
/// <c>wal_checkpoint(TRUNCATE)</c> afterwards moves the pages into the file and empties the WAL, so the bytes are gone
/// from both files.
/// </summary>
public sealed class SqliteCustomerEraser : ICustomerEraser
{
    /// <summary>The schema step: the tombstone table.</summary>
    internal const string Create = """
        CREATE TABLE IF NOT EXISTS nps_erased_customers (
            customer_hash TEXT PRIMARY KEY,
            erased_at     INTEGER NOT NULL
        );

        """;

    // The tombstone, then the customer's rows: one script, so the count of changed rows less one is what was removed.
    private static readonly string Erase = """
        INSERT INTO nps_erased_customers (customer_hash, erased_at) VALUES ($hash, $at)
            ON CONFLICT (customer_hash) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at);

        """ + string.Concat(CustomerTables.Deletes("$id").Select(delete => delete + ";\n"));

    private readonly SqliteNpsDatabase _database;

    /// <summary>Creates the eraser over a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteCustomerEraser(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<int> EraseCustomerAsync(string customerId, CustomerTombstone tombstone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(tombstone);
        int removed;
        await using (var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            await SecureDeleteAsync(write, cancellationToken).ConfigureAwait(false);

            await using var erase = write.Command(Erase);
            erase.Parameters.AddWithValue("$id", customerId);
            erase.Parameters.AddWithValue("$hash", tombstone.CustomerHash);
            erase.Parameters.AddWithValue("$at", tombstone.ErasedAt.UtcTicks);
            removed = await erase.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) - 1; // less the tombstone row
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await CheckpointAsync(_database, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>Makes the write's connection overwrite deleted content with zeros (erasure and retention).</summary>
    internal static async Task SecureDeleteAsync(SqliteWrite write, CancellationToken cancellationToken)
    {
        await using var secure = write.Command("PRAGMA secure_delete = ON;");
        await secure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<CustomerTombstone?> FindTombstoneAsync(string customerHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerHash);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT erased_at FROM nps_erased_customers WHERE customer_hash = $hash;";
        read.Parameters.AddWithValue("$hash", customerHash);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks
            ? new CustomerTombstone(customerHash, new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
    }

    /// <summary>
    /// Copies the WAL into the file and truncates it to nothing. A reader still holding an old snapshot can keep the
    /// checkpoint from finishing; it is retried a bounded number of times, and the next erasure or SQLite's own
    /// checkpoint finishes it otherwise. Retention (<see cref="SqliteRetentionStore"/>) ends its batches with it too.
    /// </summary>
    internal static async Task CheckpointAsync(SqliteNpsDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var result = await checkpoint.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await result.ReadAsync(cancellationToken).ConfigureAwait(false) && result.GetInt64(0) == 0) return; // 0: not blocked
        }
    }
}
