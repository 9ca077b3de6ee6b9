using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Nps.FollowUp;
using Nps.Serialization;

namespace Nps.PostgreSql;

/// <summary>
/// Follow-ups in PostgreSQL: added once per id (<c>ON CONFLICT DO NOTHING</c>), replaced only while the stored
/// value still equals the one read (the row is locked, compared and updated in one transaction).
/// </summary>
public sealed class PostgreSqlFollowUpStore : IFollowUpStore
{
    private const string Order = "ORDER BY due_at, id COLLATE \"C\"";
    private readonly PostgreSqlNpsDatabase _database;

    /// <summary>A follow-up store on a migrated database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlFollowUpStore(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await ListWhereAsync("id = $1", id, cancellationToken).ConfigureAwait(false)) is [var found] ? found : null;
    }

    /// <inheritdoc />
    public async ValueTask<(FollowUpCase Stored, bool Added)> AddIfAbsentAsync(FollowUpCase followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { InsertIfAbsent(followUp) } };
        if (await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1) return (followUp, true);
        return (await FindAsync(followUp.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Follow-up {followUp.Id} conflicted on insert but is not stored."), false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryReplaceAsync(FollowUpCase current, FollowUpCase updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        if (!string.Equals(current.Id, updated.Id, StringComparison.Ordinal)) throw new ArgumentException("A replacement keeps the follow-up's id.", nameof(updated));
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var select = new NpgsqlCommand("SELECT body FROM nps_follow_ups WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = current.Id });
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string body || Deserialize(body) != current) return false;
        }

        await using (var update = new NpgsqlCommand("UPDATE nps_follow_ups SET customer_id = $2, status = $3, due_at = $4, body = $5 WHERE id = $1", connection, transaction))
        {
            AddColumns(update.Parameters, updated);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default) =>
        status is { } only ? ListWhereAsync("status = $1", WireNames.Format(only), cancellationToken) : ListWhereAsync("true", null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FollowUpCase>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ListWhereAsync("customer_id = $1", customerId, cancellationToken);
    }

    /// <summary>The insert that stores a follow-up unless its id is stored (also used inside a response's transaction).</summary>
    internal static NpgsqlBatchCommand InsertIfAbsent(FollowUpCase followUp)
    {
        var command = new NpgsqlBatchCommand("INSERT INTO nps_follow_ups (id, customer_id, status, due_at, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING");
        AddColumns(command.Parameters, followUp);
        return command;
    }

    private static void AddColumns(NpgsqlParameterCollection parameters, FollowUpCase followUp)
    {
        parameters.Add(new NpgsqlParameter { Value = followUp.Id });
        parameters.Add(new NpgsqlParameter { Value = followUp.CustomerId });
        parameters.Add(new NpgsqlParameter { Value = WireNames.Format(followUp.Status) });
        parameters.Add(new NpgsqlParameter { Value = followUp.DueAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(followUp, PostgreSqlJsonContext.Default.FollowUpCase) });
    }

    private async ValueTask<IReadOnlyList<FollowUpCase>> ListWhereAsync(string condition, string? value, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand($"SELECT body FROM nps_follow_ups WHERE {condition} {Order}");
        if (value is not null) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<FollowUpCase>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(Deserialize(reader.GetString(0)));
        return list;
    }

    private static FollowUpCase Deserialize(string body) =>
        JsonSerializer.Deserialize(body, PostgreSqlJsonContext.Default.FollowUpCase) ?? throw new InvalidDataException("A stored follow-up is null.");
}
