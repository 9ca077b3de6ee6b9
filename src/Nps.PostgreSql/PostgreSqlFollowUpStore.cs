using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Nps.FollowUp;
using Nps.Serialization;

namespace Nps.PostgreSql;

/// <summary>
/// Follow-ups in PostgreSQL: added once per id (<c>ON CONFLICT DO NOTHING</c>), replaced only while the stored
/// value still equals the one read (the row is locked, compared and updated in one transaction). Beside the JSON body,
/// each row keeps what counts and pages read as columns (owner team key, category, times in UTC ticks, id hash), written
/// with the body on every add and replace, so <see cref="CountAsync"/> and <see cref="ListPageAsync"/> read indexes, not bodies.
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

        await using (var update = new NpgsqlCommand("UPDATE nps_follow_ups SET customer_id = $2, status = $3, due_at = $4, body = $5, team_key = $6, category = $7, responded_ticks = $8, due_ticks = $9, contacted_ticks = $10, time_to_contact = $11, id_hash = $12 WHERE id = $1", connection, transaction))
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
        var command = new NpgsqlBatchCommand("INSERT INTO nps_follow_ups (id, customer_id, status, due_at, body, team_key, category, responded_ticks, due_ticks, contacted_ticks, time_to_contact, id_hash) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING");
        AddColumns(command.Parameters, followUp);
        return command;
    }

    private static void AddColumns(NpgsqlParameterCollection parameters, FollowUpCase followUp)
    {
        parameters.Add(new NpgsqlParameter { Value = followUp.Id });
        parameters.Add(new NpgsqlParameter { Value = followUp.CustomerId });
        parameters.Add(new NpgsqlParameter { Value = WireNames.Format(followUp.Status) });
        parameters.Add(new NpgsqlParameter { Value = followUp.DueAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(followUp, Stores.StoreJson.Default.FollowUpCase) });
        var counted = Counted.Of(followUp);
        parameters.Add(new NpgsqlParameter { Value = (object?)counted.TeamKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = counted.Category });
        parameters.Add(new NpgsqlParameter { Value = counted.RespondedTicks });
        parameters.Add(new NpgsqlParameter { Value = counted.DueTicks });
        parameters.Add(new NpgsqlParameter { Value = (object?)counted.ContactedTicks ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = (object?)counted.TimeToContact ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = counted.IdHash });
    }

    /// <summary>The columns counts and pages read, from the follow-up itself (on writes and in the backfill alike).</summary>
    private readonly record struct Counted(string? TeamKey, short Category, long RespondedTicks, long DueTicks, long? ContactedTicks, long? TimeToContact, string IdHash)
    {
        public static Counted Of(FollowUpCase f) => new(FollowUpCountQuery.TeamKey(f.OwnerTeam), (short)f.Category, f.RespondedAt.UtcTicks, f.DueAt.UtcTicks,
            f.ContactedAt?.UtcTicks, f.ContactedAt is { } at ? FollowUpCounts.TimeToFirstContactTicks(f.RespondedAt, at) : null, FollowUpListPosition.IdHashOf(f.Id));
    }

    /// <inheritdoc />
    public async ValueTask<FollowUpCounts> CountAsync(FollowUpCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var cells = new List<FollowUpCountCell>();
        await using (var count = new NpgsqlCommand($"""
            SELECT status, category, contacted_ticks IS NOT NULL, coalesce(contacted_ticks > due_ticks, false), due_ticks < $1, count(*)
            FROM nps_follow_ups WHERE {CountFilter(query, 2)}
            GROUP BY 1, 2, 3, 4, 5
            """, connection))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = query.AsOf.UtcTicks });
            BindCountFilter(count.Parameters, query);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cells.Add(new FollowUpCountCell(Statuses[reader.GetString(0)], (NpsCategory)reader.GetInt16(1), reader.GetBoolean(2), reader.GetBoolean(3),
                    reader.GetBoolean(4), reader.GetInt64(5)));
            }
        }

        var reached = cells.Where(c => c.Contacted).Sum(c => c.Count);
        TimeSpan? median = null;
        if (reached > 0)
        {
            // The middle one or two of the sorted times, read from the index by time to first contact.
            await using var middle = new NpgsqlCommand($"""
                SELECT time_to_contact FROM nps_follow_ups WHERE time_to_contact IS NOT NULL AND {CountFilter(query, 3)}
                ORDER BY time_to_contact LIMIT $1 OFFSET $2
                """, connection);
            var (skip, take) = Stores.MiddleRows.Of(reached);
            middle.Parameters.Add(new NpgsqlParameter { Value = take });
            middle.Parameters.Add(new NpgsqlParameter { Value = skip });
            BindCountFilter(middle.Parameters, query);
            var values = new List<long>(2);
            await using var reader = await middle.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) values.Add(reader.GetInt64(0));
            median = FollowUpCounts.Median(values[0], values[^1]);
        }

        return FollowUpCounts.From(query.AsOf, cells, median);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<FollowUpCase>> ListPageAsync(FollowUpPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The filters written only when given, so the planner sees plain equalities and a row-value range on an index.
        var where = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        if (query.Status is { } status)
        {
            parameters.Add(new NpgsqlParameter { Value = WireNames.Format(status) });
            where.Add($"status = ${parameters.Count}");
        }

        if (query.Team is not null)
        {
            parameters.Add(new NpgsqlParameter { Value = FollowUpCountQuery.TeamKey(query.Team) });
            where.Add($"team_key = ${parameters.Count}");
        }

        if (query.After is { } after)
        {
            parameters.Add(new NpgsqlParameter { Value = after.DueUtcTicks });
            parameters.Add(new NpgsqlParameter { Value = after.IdHash ?? "" });
            where.Add($"(due_ticks, id_hash) > (${parameters.Count - 1}, ${parameters.Count})");
        }

        parameters.Add(new NpgsqlParameter { Value = query.Limit });
        await using var command = _database.DataSource.CreateCommand(
            $"SELECT body FROM nps_follow_ups {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY due_ticks, id_hash LIMIT ${parameters.Count}");
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<FollowUpCase>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(Deserialize(reader.GetString(0)));
        return list;
    }

    private static readonly Dictionary<string, FollowUpStatus> Statuses = Enum.GetValues<FollowUpStatus>().ToDictionary(WireNames.Format, StringComparer.Ordinal);

    /// <summary>The filters of a count from parameter <paramref name="first"/> on, written only when given.</summary>
    private static string CountFilter(FollowUpCountQuery query, int first)
    {
        var next = first;
        var filter = query.Team is null ? "true" : $"team_key = ${next++}";
        if (query.Status is not null) filter += $" AND status = ${next++}";
        return query.RespondedBy is null ? filter : $"{filter} AND responded_ticks <= ${next}";
    }

    private static void BindCountFilter(NpgsqlParameterCollection parameters, FollowUpCountQuery query)
    {
        if (query.Team is not null) parameters.Add(new NpgsqlParameter { Value = FollowUpCountQuery.TeamKey(query.Team) });
        if (query.Status is { } status) parameters.Add(new NpgsqlParameter { Value = WireNames.Format(status) });
        if (query.RespondedBy is { } by) parameters.Add(new NpgsqlParameter { Value = by.UtcTicks });
    }

    /// <summary>
    /// Schema step 13: the columns counts and pages read (filled by <see cref="BackfillAsync"/> from the stored bodies).
    /// The hash and team key compare byte by byte (<c>COLLATE "C"</c>), as .NET compares them ordinally.
    /// </summary>
    internal const string AddCountColumns = """
        ALTER TABLE nps_follow_ups
            ADD COLUMN IF NOT EXISTS team_key text COLLATE "C",
            ADD COLUMN IF NOT EXISTS category smallint,
            ADD COLUMN IF NOT EXISTS responded_ticks bigint,
            ADD COLUMN IF NOT EXISTS due_ticks bigint,
            ADD COLUMN IF NOT EXISTS contacted_ticks bigint,
            ADD COLUMN IF NOT EXISTS time_to_contact bigint,
            ADD COLUMN IF NOT EXISTS id_hash text COLLATE "C"
        """;

    /// <summary>
    /// The indexes of step 13, made after the backfill (building them once is cheaper than keeping them row by row): a
    /// team's queue, the list order (all, by status, by team), the counts and the time to first contact.
    /// </summary>
    internal const string AddCountIndexes = """
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_team ON nps_follow_ups (team_key, status, responded_ticks, due_ticks) INCLUDE (category, contacted_ticks);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_page ON nps_follow_ups (due_ticks, id_hash);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_status_page ON nps_follow_ups (status, due_ticks, id_hash);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_team_page ON nps_follow_ups (team_key, due_ticks, id_hash);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_counted ON nps_follow_ups (status, category, due_ticks, contacted_ticks, responded_ticks);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_time_to_contact ON nps_follow_ups (time_to_contact) WHERE time_to_contact IS NOT NULL;
        ANALYZE nps_follow_ups
        """;

    /// <summary>Fills step 13's columns of the follow-ups stored before it, from their bodies, a batch of rows at a time.</summary>
    internal static async Task BackfillAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const int Batch = 5_000;
        string? last = null;
        while (true)
        {
            var ids = new List<string>(Batch);
            var counted = new List<Counted>(Batch);
            await using (var select = new NpgsqlCommand(
                last is null ? "SELECT id, body FROM nps_follow_ups ORDER BY id COLLATE \"C\" LIMIT $1" : "SELECT id, body FROM nps_follow_ups WHERE id COLLATE \"C\" > $2 ORDER BY id COLLATE \"C\" LIMIT $1",
                connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = Batch });
                if (last is not null) select.Parameters.Add(new NpgsqlParameter { Value = last });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                    counted.Add(Counted.Of(Deserialize(reader.GetString(1))));
                }
            }

            if (ids.Count == 0) return;
            await using (var update = new NpgsqlCommand("""
                UPDATE nps_follow_ups f SET team_key = u.team_key, category = u.category, responded_ticks = u.responded_ticks, due_ticks = u.due_ticks,
                    contacted_ticks = u.contacted_ticks, time_to_contact = u.time_to_contact, id_hash = u.id_hash
                FROM unnest($1::text[], $2::text[], $3::smallint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[])
                    AS u(id, team_key, category, responded_ticks, due_ticks, contacted_ticks, time_to_contact, id_hash)
                WHERE f.id = u.id
                """, connection, transaction))
            {
                update.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.TeamKey).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.Category).ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.RespondedTicks).ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.DueTicks).ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.ContactedTicks).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.TimeToContact).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                update.Parameters.Add(new NpgsqlParameter { Value = counted.Select(c => c.IdHash).ToArray() });
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            last = ids[^1];
        }
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
        JsonSerializer.Deserialize(body, Stores.StoreJson.Default.FollowUpCase) ?? throw new InvalidDataException("A stored follow-up is null.");
}
