using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>
/// An <see cref="IResponseStore"/> in SQLite, one column per field (so reports can count in SQL): an add is one
/// <c>BEGIN IMMEDIATE</c> transaction writing the response, its ledger contact and its follow-up, or nothing when
/// the response id is stored. Pages follow the order of storing (the row sequence). Its
/// <see cref="IResponseDataVersion"/> is the file's <c>nps_response_version</c>, kept by triggers.
/// </summary>
public sealed class SqliteResponseStore : IResponseStore, IResponseDataVersion, IResponseSliceSource, Insights.IThemeCountSource,
    Insights.IThemeCountNotifications, IStoreThreading
{
    // Received times are kept in UTC only.
    private static readonly string Columns = ResponseRows.Columns(receivedOffset: "0");

    private readonly SqliteNpsDatabase _database;
    private readonly Reporting.SqliteThemeCounts _themes;
    private readonly CommentSignal _comments = new();

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteResponseStore(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _themes = new Reporting.SqliteThemeCounts(database);
    }

    /// <summary>True: Microsoft.Data.Sqlite runs every call synchronously under its asynchronous API.</summary>
    public bool RunsSynchronously => true;

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

    /// <inheritdoc/>
    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default) =>
        SqliteResponseVersion.ReadAsync(_database, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<(StoredResponse Stored, bool Added)> AddAsync(StoredResponse response, ContactRecord? contact, FollowUpCase? followUp,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var r = response.Response;
        if (contact is not null) ArgumentException.ThrowIfNullOrEmpty(r.RespondentId, nameof(response));
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (var find = write.Command($"SELECT {Columns} FROM nps_responses WHERE response_id = $id;"))
        {
            find.Parameters.AddWithValue("$id", r.ResponseId);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return (ResponseRows.Read(reader, Utc), false);
        }

        await using (var insert = write.Command("""
            INSERT INTO nps_responses (response_id, respondent_id, invitation_id, event_id, kind, rating, comment, callback_requested, responded_at,
                offset_minutes, team, agent, channel, product, touchpoint, attributes, inclusion_probability, probability_stated, is_manual, received_at, follow_up_id, provenance)
            VALUES ($id, $respondent, $invitation, $event, $kind, $rating, $comment, $callback, $at, $offset, $team, $agent, $channel, $product,
                $touchpoint, $attributes, $p, $stated, $manual, $received, $followUp, $provenance);
            """))
        {
            var p = insert.Parameters;
            p.AddWithValue("$id", r.ResponseId);
            p.AddWithValue("$respondent", r.RespondentId);
            p.AddWithValue("$invitation", Nullable(r.InvitationId));
            p.AddWithValue("$event", Nullable(r.EventId));
            p.AddWithValue("$kind", (int)r.Kind);
            p.AddWithValue("$rating", r.Rating.Value);
            p.AddWithValue("$comment", Nullable(r.Comment));
            p.AddWithValue("$callback", r.CallbackRequested);
            p.AddWithValue("$at", r.RespondedAt.UtcTicks);
            p.AddWithValue("$offset", (int)r.RespondedAt.Offset.TotalMinutes);
            p.AddWithValue("$team", Nullable(r.Team));
            p.AddWithValue("$agent", Nullable(r.Agent));
            p.AddWithValue("$channel", Nullable(r.Channel));
            p.AddWithValue("$product", Nullable(r.Product));
            p.AddWithValue("$touchpoint", Nullable(r.Touchpoint));
            p.AddWithValue("$attributes", r.Attributes.Count == 0 ? DBNull.Value : StoredAttributes.Write(r.Attributes));
            p.AddWithValue("$p", r.InclusionProbability);
            p.AddWithValue("$stated", r.HasStatedInclusionProbability);
            p.AddWithValue("$manual", r.IsManual);
            p.AddWithValue("$received", response.ReceivedAt.UtcTicks);
            p.AddWithValue("$followUp", Nullable(response.FollowUpId));
            p.AddWithValue("$provenance", (int)r.Provenance);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (contact is { } record) await SqliteContactLedger.InsertAsync(write, r.RespondentId, new LedgerEntry(record), cancellationToken).ConfigureAwait(false);
        if (followUp is not null) await SqliteFollowUpStore.InsertAsync(write, followUp, cancellationToken).ConfigureAwait(false);
        if (Nps.Intake.InvitationBinding.BoundInvitationId(r) is { } invitationId) await SqliteInvitationStore.AnswerAsync(write, invitationId, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(r.Comment)) _comments.Stored();
        return (response, true);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// In process: the comments this store's <see cref="AddAsync"/> committed. SQLite has one writing process per file in
    /// practice; what another process or SQL by hand stores waits for the matcher's periodic pass.
    /// </remarks>
    public Task ListenAsync(Action listening, Action commentsStored, CancellationToken cancellationToken) =>
        _comments.ListenAsync(listening, commentsStored, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<StoredResponse?> FindAsync(string responseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        await foreach (var (stored, _) in QueryAsync("WHERE response_id = $id", c => c.Parameters.AddWithValue("$id", responseId), cancellationToken)
            .ConfigureAwait(false))
        {
            return stored;
        }

        return null;
    }

    /// <inheritdoc/>
    public async ValueTask<ResponsePage> ListAsync(int limit, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ResponsePaging.CheckLimit(limit);
        long after = 0;
        if (cursor is not null && !ResponsePaging.TryParse(cursor, out after)) throw ResponsePaging.NotACursor(cursor);

        return await ResponsePaging.PageAsync(QueryAsync("WHERE seq > $after ORDER BY seq LIMIT $limit", c =>
        {
            c.Parameters.AddWithValue("$after", after);
            c.Parameters.AddWithValue("$limit", limit + 1);
        }, cancellationToken), limit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<StoredResponse>> ListByRespondentAsync(string respondentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(respondentId);
        var list = new List<StoredResponse>();
        await foreach (var (stored, _) in QueryAsync("WHERE respondent_id = $respondent ORDER BY responded_at, response_id",
            c => c.Parameters.AddWithValue("$respondent", respondentId), cancellationToken).ConfigureAwait(false))
        {
            list.Add(stored);
        }

        return list;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredResponse> ReadAsync(DateTimeOffset? start = null, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (stored, _) in QueryAsync("WHERE responded_at >= $from AND responded_at < $to ORDER BY responded_at, response_id", c =>
        {
            c.Parameters.AddWithValue("$from", start?.UtcTicks ?? long.MinValue);
            c.Parameters.AddWithValue("$to", until?.UtcTicks ?? long.MaxValue);
        }, cancellationToken).ConfigureAwait(false))
        {
            yield return stored;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (long Ticks, string Id)? after = query.After is { } cursor ? ResponseSlice.ParseCursor(cursor) : null;
        if (query.Teams is { Count: 0 }) return new ResponseSlice([], null);
        var where = new StringBuilder("WHERE responded_at >= $from AND responded_at < $to");
        if (query.Teams is { } teams) where.Append(" AND team IN (").AppendJoin(", ", teams.Select((_, i) => "$team" + i.ToString(CultureInfo.InvariantCulture))).Append(')');
        if (query.OnlyWithCommentOrCallback) where.Append(" AND ((comment IS NOT NULL AND comment <> '') OR callback_requested)");
        if (after is not null) where.Append(" AND (responded_at > $at OR (responded_at = $at AND response_id > $id))");
        where.Append(" ORDER BY responded_at, response_id LIMIT $limit");
        return await ResponsePaging.SliceAsync(QueryAsync(where.ToString(), c =>
        {
            c.Parameters.AddWithValue("$from", query.From.UtcTicks);
            c.Parameters.AddWithValue("$to", query.To.UtcTicks);
            for (var i = 0; i < (query.Teams?.Count ?? 0); i++) c.Parameters.AddWithValue("$team" + i.ToString(CultureInfo.InvariantCulture), query.Teams![i]);
            if (after is { } a)
            {
                c.Parameters.AddWithValue("$at", a.Ticks);
                c.Parameters.AddWithValue("$id", a.Id);
            }

            c.Parameters.AddWithValue("$limit", query.Limit + 1);
        }, cancellationToken), query.Limit, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<(StoredResponse Stored, long Seq)> QueryAsync(string where, Action<SqliteCommand> bind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM nps_responses {where};";
        bind(select);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in ResponseRows.ReadAllAsync(reader, Utc, cancellationToken).ConfigureAwait(false)) yield return row;
    }

    // Times are UTC ticks.
    private static DateTimeOffset Utc(System.Data.Common.DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}
