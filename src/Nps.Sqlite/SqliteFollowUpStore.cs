using System.Text.Json;
using Microsoft.Data.Sqlite;
using Nps.FollowUp;

namespace Nps.Sqlite;

/// <summary>
/// An <see cref="IFollowUpStore"/> in SQLite: add-if-absent is one insert that ignores a conflict on the id, and
/// replace is optimistic (the update applies only while the stored row is still the one read). Beside the JSON body, each
/// row keeps what counts and pages read as columns (owner team key, category, times in UTC ticks, id hash), written
/// with the body on every add and replace, so <see cref="CountAsync"/> and <see cref="ListPageAsync"/> read indexes, not bodies.
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
            UPDATE nps_follow_ups SET status = $status, due_at = $due, body = $body, team_key = $team, category = $category,
                responded_at = $responded, contacted_at = $contacted, time_to_contact = $toContact, id_hash = $hash
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
            INSERT INTO nps_follow_ups (follow_up_id, customer_id, status, due_at, body, team_key, category, responded_at, contacted_at, time_to_contact, id_hash)
            VALUES ($id, $customer, $status, $due, $body, $team, $category, $responded, $contacted, $toContact, $hash)
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
            list.Add(Deserialize(reader.GetString(0)));
        }

        return list;
    }

    private static void Bind(SqliteCommand command, FollowUpCase followUp)
    {
        command.Parameters.AddWithValue("$id", followUp.Id);
        command.Parameters.AddWithValue("$status", followUp.Status.ToString());
        command.Parameters.AddWithValue("$due", followUp.DueAt.UtcTicks);
        command.Parameters.AddWithValue("$body", Serialize(followUp));
        BindCounted(command, followUp);
    }

    /// <summary>The columns counts and pages read, from the follow-up itself (on writes and in the backfill alike).</summary>
    private static void BindCounted(SqliteCommand command, FollowUpCase followUp)
    {
        command.Parameters.AddWithValue("$team", (object?)FollowUpCountQuery.TeamKey(followUp.OwnerTeam) ?? DBNull.Value);
        command.Parameters.AddWithValue("$category", (int)followUp.Category);
        command.Parameters.AddWithValue("$responded", followUp.RespondedAt.UtcTicks);
        command.Parameters.AddWithValue("$contacted", followUp.ContactedAt is { } at ? at.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("$toContact", followUp.ContactedAt is { } contacted
            ? FollowUpCounts.TimeToFirstContactTicks(followUp.RespondedAt, contacted) : DBNull.Value);
        command.Parameters.AddWithValue("$hash", FollowUpListPosition.IdHashOf(followUp.Id));
    }

    /// <inheritdoc/>
    public async ValueTask<FollowUpCounts> CountAsync(FollowUpCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.CreateCommand();
        count.CommandText = $"""
            SELECT status, category, contacted_at IS NOT NULL, coalesce(contacted_at > due_at, 0), due_at < $asOf, count(*)
            FROM nps_follow_ups WHERE {CountFilter(query)}
            GROUP BY 1, 2, 3, 4, 5;
            """;
        BindCountFilter(count, query);
        count.Parameters.AddWithValue("$asOf", query.AsOf.UtcTicks);
        var cells = new List<FollowUpCountCell>();
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cells.Add(new FollowUpCountCell(Enum.Parse<FollowUpStatus>(reader.GetString(0)), (NpsCategory)reader.GetInt32(1), reader.GetBoolean(2), reader.GetBoolean(3),
                    reader.GetBoolean(4), reader.GetInt64(5)));
            }
        }

        var reached = cells.Where(c => c.Contacted).Sum(c => c.Count);
        TimeSpan? median = null;
        if (reached > 0)
        {
            // The middle one or two of the sorted times, read from the index by time to first contact.
            await using var middle = connection.CreateCommand();
            middle.CommandText = $"""
                SELECT time_to_contact FROM nps_follow_ups WHERE time_to_contact IS NOT NULL AND {CountFilter(query)}
                ORDER BY time_to_contact LIMIT $take OFFSET $skip;
                """;
            BindCountFilter(middle, query);
            var (skip, take) = Stores.MiddleRows.Of(reached);
            middle.Parameters.AddWithValue("$skip", skip);
            middle.Parameters.AddWithValue("$take", take);
            var values = new List<long>(2);
            await using var reader = await middle.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) values.Add(reader.GetInt64(0));
            median = FollowUpCounts.Median(values[0], values[^1]);
        }

        return FollowUpCounts.From(query.AsOf, cells, median);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<FollowUpCase>> ListPageAsync(FollowUpPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The filters written only when given, so the planner sees plain equalities and a row-value range on an index.
        var where = new List<string>();
        if (query.Status is not null) where.Add("status = $status");
        if (query.Team is not null) where.Add("team_key = $team");
        if (query.After is not null) where.Add("(due_at, id_hash) > ($afterDue, $afterHash)");
        var sql = $"SELECT body FROM nps_follow_ups {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY due_at, id_hash LIMIT $limit;";
        return await QueryAsync(sql, c =>
        {
            if (query.Status is { } status) c.Parameters.AddWithValue("$status", status.ToString());
            if (query.Team is not null) c.Parameters.AddWithValue("$team", FollowUpCountQuery.TeamKey(query.Team));
            if (query.After is { } after)
            {
                c.Parameters.AddWithValue("$afterDue", after.DueUtcTicks);
                c.Parameters.AddWithValue("$afterHash", after.IdHash ?? "");
            }

            c.Parameters.AddWithValue("$limit", query.Limit);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The filters of a count, written only when given (so the planner sees plain conditions on the team's index).</summary>
    private static string CountFilter(FollowUpCountQuery query) =>
        (query.Team is null ? "1" : "team_key = $team") + (query.Status is null ? "" : " AND status = $status") + (query.RespondedBy is null ? "" : " AND responded_at <= $by");

    private static void BindCountFilter(SqliteCommand command, FollowUpCountQuery query)
    {
        if (query.Team is not null) command.Parameters.AddWithValue("$team", FollowUpCountQuery.TeamKey(query.Team));
        if (query.Status is { } status) command.Parameters.AddWithValue("$status", status.ToString());
        if (query.RespondedBy is { } by) command.Parameters.AddWithValue("$by", by.UtcTicks);
    }

    /// <summary>The columns counts and pages read, with their types (schema step 13).</summary>
    private static readonly (string Name, string Type)[] CountColumns =
        [("team_key", "TEXT"), ("category", "INTEGER"), ("responded_at", "INTEGER"), ("contacted_at", "INTEGER"), ("time_to_contact", "INTEGER"), ("id_hash", "TEXT")];

    /// <summary>
    /// The indexes of step 13, made after the backfill (building them once is cheaper than keeping them row by row): a
    /// team's queue, the list order (all, by status, by team), the counts and the time to first contact.
    /// </summary>
    private const string CountIndexes = """
        DROP INDEX IF EXISTS nps_follow_ups_by_status;
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_team ON nps_follow_ups (team_key, status, responded_at, due_at);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_page ON nps_follow_ups (due_at, id_hash);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_status_page ON nps_follow_ups (status, due_at, id_hash);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_team_page ON nps_follow_ups (team_key, due_at, id_hash);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_counted ON nps_follow_ups (status, category, due_at, contacted_at, responded_at);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_time_to_contact ON nps_follow_ups (time_to_contact) WHERE time_to_contact IS NOT NULL;
        """;

    /// <summary>
    /// Schema step 13: the columns counts and pages read (those missing: a step may run again on a file whose version
    /// was set back), filled from the stored bodies, then indexed.
    /// </summary>
    internal static void AddCountColumns(SqliteConnection connection, SqliteTransaction transaction)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var columns = connection.CreateCommand())
        {
            columns.Transaction = transaction;
            columns.CommandText = "SELECT name FROM pragma_table_info('nps_follow_ups');";
            using var reader = columns.ExecuteReader();
            while (reader.Read()) present.Add(reader.GetString(0));
        }

        using var step = connection.CreateCommand();
        step.Transaction = transaction;
        foreach (var (name, type) in CountColumns.Where(c => !present.Contains(c.Name)))
        {
            step.CommandText = $"ALTER TABLE nps_follow_ups ADD COLUMN {name} {type};";
            step.ExecuteNonQuery();
        }

        Backfill(connection, transaction);
        step.CommandText = CountIndexes;
        step.ExecuteNonQuery();
    }

    /// <summary>Fills step 13's columns of the follow-ups stored before it, from their bodies, a batch of rows at a time.</summary>
    private static void Backfill(SqliteConnection connection, SqliteTransaction transaction)
    {
        const int Batch = 2_000;
        long last = long.MinValue;
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE nps_follow_ups SET team_key = $team, category = $category, responded_at = $responded, contacted_at = $contacted,
                time_to_contact = $toContact, id_hash = $hash
            WHERE rowid = $rowid;
            """;
        while (true)
        {
            var rows = new List<(long RowId, FollowUpCase FollowUp)>(Batch);
            using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = "SELECT rowid, body FROM nps_follow_ups WHERE rowid > $last ORDER BY rowid LIMIT $batch;";
                select.Parameters.AddWithValue("$last", last);
                select.Parameters.AddWithValue("$batch", Batch);
                using var reader = select.ExecuteReader();
                while (reader.Read()) rows.Add((reader.GetInt64(0), Deserialize(reader.GetString(1))));
            }

            if (rows.Count == 0) return;
            foreach (var (rowId, followUp) in rows)
            {
                update.Parameters.Clear();
                BindCounted(update, followUp);
                update.Parameters.AddWithValue("$rowid", rowId);
                update.ExecuteNonQuery();
            }

            last = rows[^1].RowId;
        }
    }

    private static FollowUpCase Deserialize(string body) =>
        JsonSerializer.Deserialize(body, Stores.StoreJson.Default.FollowUpCase) ?? throw new InvalidDataException("A stored follow-up is null.");

    private static string Serialize(FollowUpCase followUp) => JsonSerializer.Serialize(followUp, Stores.StoreJson.Default.FollowUpCase);
}
