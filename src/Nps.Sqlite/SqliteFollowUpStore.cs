using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nps.FollowUp;

namespace Nps.Sqlite;

/// <summary>
/// An <see cref="IFollowUpStore"/> in SQLite: add-if-absent is one insert that ignores a conflict on the id, and
/// replace is optimistic (the update applies only while the stored row is still the one read).
/// </summary>
public sealed class SqliteFollowUpStore : IFollowUpStore
{
    private readonly SqliteNpsDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteFollowUpStore(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await QueryAsync("SELECT body FROM nps_follow_ups WHERE follow_up_id = $id;", c => c.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async ValueTask<(FollowUpCase Stored, bool Added)> AddIfAbsentAsync(FollowUpCase followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        await using (var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            var added = await InsertAsync(write, followUp, cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (added) return (followUp, true);
        }

        return ((await FindAsync(followUp.Id, cancellationToken).ConfigureAwait(false))!, false);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryReplaceAsync(FollowUpCase current, FollowUpCase updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        if (!string.Equals(current.Id, updated.Id, StringComparison.Ordinal)) throw new ArgumentException("A follow-up cannot change its id.", nameof(updated));
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var update = write.Command("""
            UPDATE nps_follow_ups SET status = $status, due_at = $due, body = $body
            WHERE follow_up_id = $id AND body = $current;
            """);
        Bind(update, updated);
        update.Parameters.AddWithValue("$current", Serialize(current));
        var replaced = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return replaced;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT body FROM nps_follow_ups WHERE $status IS NULL OR status = $status ORDER BY due_at, follow_up_id;",
            c => c.Parameters.AddWithValue("$status", status is { } s ? s.ToString() : DBNull.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<FollowUpCase>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return await QueryAsync("SELECT body FROM nps_follow_ups WHERE customer_id = $customer ORDER BY due_at, follow_up_id;",
            c => c.Parameters.AddWithValue("$customer", customerId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a follow-up inside a write unless its id is stored; whether it was added.</summary>
    internal static async Task<bool> InsertAsync(SqliteWrite write, FollowUpCase followUp, CancellationToken cancellationToken)
    {
        await using var insert = write.Command("""
            INSERT INTO nps_follow_ups (follow_up_id, customer_id, status, due_at, body) VALUES ($id, $customer, $status, $due, $body)
            ON CONFLICT (follow_up_id) DO NOTHING;
            """);
        Bind(insert, followUp);
        insert.Parameters.AddWithValue("$customer", followUp.CustomerId);
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<List<FollowUpCase>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = sql;
        bind(select);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<FollowUpCase>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize(reader.GetString(0), SqliteJsonContext.Default.FollowUpCase) ?? throw new InvalidDataException("A stored follow-up is null."));
        }

        return list;
    }

    private static void Bind(SqliteCommand command, FollowUpCase followUp)
    {
        command.Parameters.AddWithValue("$id", followUp.Id);
        command.Parameters.AddWithValue("$status", followUp.Status.ToString());
        command.Parameters.AddWithValue("$due", followUp.DueAt.UtcTicks);
        command.Parameters.AddWithValue("$body", Serialize(followUp));
    }

    private static string Serialize(FollowUpCase followUp) => JsonSerializer.Serialize(followUp, SqliteJsonContext.Default.FollowUpCase);
}
