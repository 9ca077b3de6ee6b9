using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>
/// Responses in PostgreSQL, one column per field (so reports count them in SQL, see
/// <see cref="Reporting.PostgreSqlResponseCounter"/>): a response, its contact and its follow-up commit in one
/// transaction; a response id is stored once however many instances add it at the same time.
/// </summary>
/// <remarks>
/// Inserts take a transaction-scoped advisory lock, so responses are numbered in commit order and a paging cursor
/// (the last number seen) never skips one that commits later. Retries of a stored id take no lock. Its
/// <see cref="IResponseDataVersion"/> is the database's <c>nps_response_version</c>, kept by triggers.
/// </remarks>
public sealed class PostgreSqlResponseStore : IResponseStore, IResponseDataVersion, IResponseSliceSource, Insights.IThemeCountSource,
    Insights.IThemeCountNotifications
{
    private static readonly string Columns = ResponseRows.Columns(receivedOffset: "received_offset_minutes");

    private readonly PostgreSqlNpsDatabase _database;
    private readonly Reporting.PostgreSqlThemeCounts _themes;
    private readonly Reporting.PostgreSqlThemeNotifications _notifications;

    /// <summary>A response store on a migrated database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlResponseStore(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _themes = new Reporting.PostgreSqlThemeCounts(database);
        _notifications = new Reporting.PostgreSqlThemeNotifications(database);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Every instance on the database hears every commented response queued for matching, by any writer (PostgreSQL's
    /// <c>LISTEN</c>/<c>NOTIFY</c>, on one connection of the pool held while listening); the task faults when that
    /// connection breaks, and the caller listens again.
    /// </remarks>
    public Task ListenAsync(Action listening, Action commentsStored, CancellationToken cancellationToken) =>
        _notifications.ListenAsync(listening, commentsStored, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Insights.ThemeCountUpdate> UpdateThemeCountsAsync(Insights.ThemeTaxonomy taxonomy, int maximumComments, CancellationToken cancellationToken = default) =>
        _themes.UpdateAsync(taxonomy, maximumComments, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Insights.ThemeCountSnapshot> CountThemesAsync(Insights.ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until,
        CancellationToken cancellationToken = default) =>
        _themes.CountAsync(taxonomy, start, until, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<IReadOnlyList<Insights.ThemeExample>>> ReadThemeExamplesAsync(Insights.ThemeTaxonomy taxonomy, IReadOnlyList<int> themes,
        DateTimeOffset? start, DateTimeOffset? until, int limit, bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken = default) =>
        _themes.ExamplesAsync(taxonomy, themes, start, until, limit, includeManual, includeUnsolicited, cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default) =>
        PostgreSqlResponseVersion.ReadAsync(_database, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<(StoredResponse Stored, bool Added)> AddAsync(StoredResponse response, ContactRecord? contact, FollowUpCase? followUp,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (contact is not null) ArgumentException.ThrowIfNullOrEmpty(response.Response.RespondentId, nameof(response));
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(connection, response.ResponseId, cancellationToken).ConfigureAwait(false) is { } stored) return (stored, false);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = new NpgsqlBatch(connection, transaction))
        {
            insert.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = PostgreSqlSchema.ResponseOrderLockKey } } });
            insert.BatchCommands.Add(Insert(response));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Another instance stored this id between our look-up and the insert: return what it stored.
                await reader.DisposeAsync().ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return (await FindAsync(connection, response.ResponseId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Response {response.ResponseId} conflicted on insert but is not stored."), false);
            }
        }

        await using (var related = new NpgsqlBatch(connection, transaction))
        {
            if (contact is { } record)
            {
                related.BatchCommands.Add(CustomerLock.Take(response.Response.RespondentId));
                related.BatchCommands.Add(CustomerLock.InsertContact(response.Response.RespondentId, record.Packed));
            }

            if (followUp is not null) related.BatchCommands.Add(PostgreSqlFollowUpStore.InsertIfAbsent(followUp));
            if (Intake.InvitationBinding.BoundInvitationId(response.Response) is { } invitationId) related.BatchCommands.Add(PostgreSqlInvitationStore.Answer(invitationId));
            if (related.BatchCommands.Count > 0) await related.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (response, true);
    }

    /// <inheritdoc />
    public async ValueTask<StoredResponse?> FindAsync(string responseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, responseId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoredResponse?> FindAsync(NpgsqlConnection connection, string responseId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM nps_responses WHERE response_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = responseId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ResponseRows.Read(reader, Utc) : null;
    }

    /// <inheritdoc />
    public async ValueTask<ResponsePage> ListAsync(int limit, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ResponsePaging.CheckLimit(limit);
        long after = 0;
        if (cursor is not null && (!ResponsePaging.TryParse(cursor, out after) || !await ExistsAsync(after, cancellationToken).ConfigureAwait(false)))
        {
            throw ResponsePaging.NotACursor(cursor);
        }

        return await ResponsePaging.PageAsync(QueryAsync($"SELECT {Columns} FROM nps_responses WHERE seq > $1 ORDER BY seq LIMIT $2", [after, limit + 1], cancellationToken),
            limit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredResponse>> ListByRespondentAsync(string respondentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(respondentId);
        var list = new List<StoredResponse>();
        await foreach (var (stored, _) in QueryAsync(
            $"SELECT {Columns} FROM nps_responses WHERE respondent_id = $1 ORDER BY responded_at, response_id COLLATE \"C\"", [respondentId], cancellationToken).ConfigureAwait(false))
        {
            list.Add(stored);
        }

        return list;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredResponse> ReadAsync(DateTimeOffset? start = null, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (stored, _) in QueryAsync(
            $"SELECT {Columns} FROM nps_responses WHERE responded_at >= $1 AND responded_at < $2 ORDER BY responded_at, response_id COLLATE \"C\"",
            [(start ?? DateTimeOffset.MinValue).UtcDateTime, (until ?? DateTimeOffset.MaxValue).UtcDateTime], cancellationToken).ConfigureAwait(false))
        {
            yield return stored;
        }
    }

    /// <inheritdoc />
    public async ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (long Ticks, string Id)? after = query.After is { } cursor ? ResponseSlice.ParseCursor(cursor) : null;
        if (query.Teams is { Count: 0 }) return new ResponseSlice([], null);
        var sql = new StringBuilder($"SELECT {Columns} FROM nps_responses WHERE responded_at >= $1 AND responded_at < $2");
        List<object> parameters = [query.From.UtcDateTime, query.To.UtcDateTime];
        if (query.Teams is { } teams)
        {
            parameters.Add(teams.ToArray());
            sql.Append(" AND team = ANY($3)");
        }

        if (query.OnlyWithCommentOrCallback) sql.Append(" AND ((comment IS NOT NULL AND comment <> '') OR callback_requested)");
        if (after is { } a)
        {
            parameters.Add(new DateTime(a.Ticks, DateTimeKind.Utc));
            parameters.Add(a.Id);
            sql.Append(CultureInfo.InvariantCulture, $" AND (responded_at, response_id COLLATE \"C\") > (${parameters.Count - 1}, ${parameters.Count})");
        }

        parameters.Add(query.Limit + 1);
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY responded_at, response_id COLLATE \"C\" LIMIT ${parameters.Count}");
        return await ResponsePaging.SliceAsync(QueryAsync(sql.ToString(), [.. parameters], cancellationToken), query.Limit, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ExistsAsync(long seq, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM nps_responses WHERE seq = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = seq });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private async IAsyncEnumerable<(StoredResponse Stored, long Seq)> QueryAsync(string sql, object[] parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is DateTime at
                ? new NpgsqlParameter { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in ResponseRows.ReadAllAsync(reader, Utc, cancellationToken).ConfigureAwait(false)) yield return row;
    }

    private static NpgsqlBatchCommand Insert(StoredResponse stored)
    {
        var r = stored.Response;
        return new NpgsqlBatchCommand("""
            INSERT INTO nps_responses (response_id, respondent_id, invitation_id, event_id, kind, rating, comment, callback_requested,
                responded_at, offset_minutes, team, agent, channel, product, touchpoint, attributes, inclusion_probability,
                probability_stated, is_manual, received_at, received_offset_minutes, follow_up_id, provenance)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20, $21, $22, $23)
            ON CONFLICT (response_id) DO NOTHING
            RETURNING seq
            """)
        {
            Parameters =
            {
                new() { Value = r.ResponseId },
                new() { Value = r.RespondentId },
                Text(r.InvitationId),
                Text(r.EventId),
                new() { Value = (short)r.Kind },
                new() { Value = (short)r.Rating.Value },
                Text(r.Comment),
                new() { Value = r.CallbackRequested },
                new() { Value = r.RespondedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = (short)r.RespondedAt.Offset.TotalMinutes },
                Text(r.Team),
                Text(r.Agent),
                Text(r.Channel),
                Text(r.Product),
                Text(r.Touchpoint),
                new() { Value = StoredAttributes.Write(r.Attributes) },
                new() { Value = r.InclusionProbability },
                new() { Value = r.HasStatedInclusionProbability },
                new() { Value = r.IsManual },
                new() { Value = stored.ReceivedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = (short)stored.ReceivedAt.Offset.TotalMinutes },
                Text(stored.FollowUpId),
                new() { Value = (short)r.Provenance },
            },
        };
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    // Times are timestamptz.
    private static DateTimeOffset Utc(System.Data.Common.DbDataReader reader, int ordinal) => new(reader.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero);
}
