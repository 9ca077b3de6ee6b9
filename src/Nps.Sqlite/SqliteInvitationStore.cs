using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.Segmentation;
using Nps.Serialization;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>
/// The outbox in SQLite (<c>nps_invitations</c>): invitations written by the decision's transaction, claimed and marked
/// in write transactions (<c>BEGIN IMMEDIATE</c>: the file has one writer, so two claimers never get the same
/// invitation), with reminders and opt-outs recorded in the ledger in the same transaction. Times are ticks UTC.
/// </summary>
public sealed class SqliteInvitationStore : IInvitationStore
{
    internal const string Create = """
        CREATE TABLE IF NOT EXISTS nps_invitations (
            invitation_id         TEXT PRIMARY KEY,
            customer_id           TEXT NOT NULL,
            event_id              TEXT NOT NULL,
            kind                  INTEGER NOT NULL,
            team                  TEXT,
            agent                 TEXT,
            channel               TEXT,
            product               TEXT,
            touchpoint            TEXT,
            attributes            TEXT,
            time_zone_id          TEXT,
            inclusion_probability REAL NOT NULL,
            is_manual             INTEGER NOT NULL,
            scheduled_at          INTEGER NOT NULL,
            sent_at               INTEGER,
            expires_at            INTEGER,
            status                TEXT NOT NULL,
            reminders             INTEGER NOT NULL DEFAULT 0,
            failure_reason        TEXT,
            due_at                INTEGER,
            attempts              INTEGER NOT NULL DEFAULT 0,
            claimed_until         INTEGER,
            token_hash            BLOB
        );
        CREATE UNIQUE INDEX IF NOT EXISTS nps_invitations_by_event ON nps_invitations (customer_id, event_id);
        CREATE UNIQUE INDEX IF NOT EXISTS nps_invitations_by_token ON nps_invitations (token_hash) WHERE token_hash IS NOT NULL;
        CREATE INDEX IF NOT EXISTS nps_invitations_by_due ON nps_invitations (due_at) WHERE due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS nps_invitations_by_sent ON nps_invitations (sent_at) WHERE sent_at IS NOT NULL;
        ALTER TABLE nps_responses ADD COLUMN provenance INTEGER NOT NULL DEFAULT 0;
        """;

    /// <summary>The sent invitations by expiry, so the outbox's expiry pass reads only those due to expire.</summary>
    internal const string AddExpiryIndex = """
        CREATE INDEX IF NOT EXISTS nps_invitations_by_expiry ON nps_invitations (expires_at) WHERE status = 'sent';
        """;

    private const string Columns = """
        invitation_id, customer_id, event_id, kind, team, agent, channel, product, touchpoint, attributes, time_zone_id, inclusion_probability,
        is_manual, scheduled_at, sent_at, expires_at, status, reminders, failure_reason, due_at, attempts, token_hash
        """;

    private static readonly string Scheduled = WireNames.Format(InvitationStatus.Scheduled);
    private static readonly string Sent = WireNames.Format(InvitationStatus.Sent);
    private readonly SqliteNpsDatabase _database;

    /// <summary>Creates the store on a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteInvitationStore(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Inserts a decision's invitation in the decision's transaction.</summary>
    internal static async Task InsertAsync(SqliteWrite write, SurveyInvitation i, CancellationToken cancellationToken)
    {
        await using var insert = write.Command($"""
            INSERT INTO nps_invitations ({Columns})
            VALUES ($id, $customer, $event, $kind, $team, $agent, $channel, $product, $touchpoint, $attributes, $zone, $p, $manual, $scheduled,
                NULL, NULL, $status, 0, NULL, $due, 0, $hash)
            ON CONFLICT DO NOTHING;
            """);
        var p = insert.Parameters;
        p.AddWithValue("$id", i.Id);
        p.AddWithValue("$customer", i.CustomerId);
        p.AddWithValue("$event", i.EventId);
        p.AddWithValue("$kind", (int)i.Kind);
        p.AddWithValue("$team", Nullable(i.Team));
        p.AddWithValue("$agent", Nullable(i.Agent));
        p.AddWithValue("$channel", Nullable(i.Channel));
        p.AddWithValue("$product", Nullable(i.Product));
        p.AddWithValue("$touchpoint", Nullable(i.Touchpoint));
        p.AddWithValue("$attributes", i.Attributes.Count == 0 ? DBNull.Value : StoredAttributes.Write(i.Attributes));
        p.AddWithValue("$zone", Nullable(i.TimeZoneId));
        p.AddWithValue("$p", i.InclusionProbability);
        p.AddWithValue("$manual", i.IsManual);
        p.AddWithValue("$scheduled", i.ScheduledAt.UtcTicks);
        p.AddWithValue("$status", WireNames.Format(i.Status));
        p.AddWithValue("$due", i.DueAt is { } due ? due.UtcTicks : DBNull.Value);
        p.AddWithValue("$hash", i.TokenHash.IsEmpty ? DBNull.Value : i.TokenHash.ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks an invitation answered in the response's transaction.</summary>
    internal static async Task AnswerAsync(SqliteWrite write, string invitationId, CancellationToken cancellationToken)
    {
        await using var update = write.Command(InvitationTransitions.Answer("$id"));
        update.Parameters.AddWithValue("$id", invitationId);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        return await FindOneAsync("invitation_id = $a", invitationId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> FindByEventAsync(string customerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return await FindOneAsync("customer_id = $a AND event_id = $b", customerId, eventId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> FindByTokenHashAsync(ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default) =>
        await FindOneAsync("token_hash = $a", tokenHash.ToArray(), null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<InvitationClaim>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        InvitationRows.CheckClaim(limit, lease);
        var until = now + lease;
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<InvitationClaim>();
        await using (var select = write.Command($"""
            SELECT {Columns} FROM nps_invitations
            WHERE due_at IS NOT NULL AND due_at <= $now AND (claimed_until IS NULL OR claimed_until <= $now)
              AND (status = '{Scheduled}' OR (status = '{Sent}' AND expires_at > $now))
            ORDER BY due_at, invitation_id LIMIT $limit;
            """))
        {
            select.Parameters.AddWithValue("$now", now.UtcTicks);
            select.Parameters.AddWithValue("$limit", limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) claimed.Add(InvitationClaim.For(Read(reader), until));
        }

        await using (var claim = write.Command("UPDATE nps_invitations SET claimed_until = $until WHERE invitation_id = $id;"))
        {
            claim.Parameters.AddWithValue("$until", until.UtcTicks);
            var id = claim.Parameters.Add("$id", SqliteType.Text);
            foreach (var c in claimed)
            {
                id.Value = c.Invitation.Id;
                await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> MarkSentAsync(InvitationClaim claim, DateTimeOffset sentAt, DateTimeOffset expiresAt, DateTimeOffset? nextDueAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var i = claim.Invitation;
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var update = write.Command(claim.Attempt == OutboxAttempt.Invitation
            ? InvitationTransitions.Send("$id", "$at", "$expires", "$next")
            : InvitationTransitions.Remind("$id", "$number", "$next"));
        update.Parameters.AddWithValue("$id", i.Id);
        update.Parameters.AddWithValue("$at", sentAt.UtcTicks);
        update.Parameters.AddWithValue("$expires", expiresAt.UtcTicks);
        update.Parameters.AddWithValue("$next", nextDueAt is { } next ? next.UtcTicks : DBNull.Value);
        update.Parameters.AddWithValue("$number", claim.Number);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1) return false;
        if (claim.Attempt == OutboxAttempt.Reminder)
        {
            var reminder = new LedgerEntry(ContactRecord.Create(ContactKind.Reminder, sentAt, i.Kind, i.IsManual), i.EventId);
            await SqliteContactLedger.InsertAsync(write, i.CustomerId, reminder, cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public ValueTask<bool> RetryAsync(string invitationId, DateTimeOffset dueAt, bool failed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        return UpdateAsync(InvitationTransitions.Retry("$id", "$due", "$failed"), invitationId, c =>
        {
            c.Parameters.AddWithValue("$due", dueAt.UtcTicks);
            c.Parameters.AddWithValue("$failed", failed ? 1 : 0);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> MarkFailedAsync(string invitationId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return UpdateAsync(InvitationTransitions.Fail("$id", "$reason"), invitationId, c => c.Parameters.AddWithValue("$reason", reason), cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> MarkBouncedAsync(string invitationId, DateTimeOffset at, bool complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        if (complaint) return await OptOutAsync(invitationId, at, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(InvitationTransitions.Bounce("$id"), invitationId, _ => { }, cancellationToken).ConfigureAwait(false);
        return await FindAsync(invitationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> OptOutAsync(string invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        await using (var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false))
        {
            string? customer = null;
            string? status = null;
            await using (var find = write.Command("SELECT customer_id, status FROM nps_invitations WHERE invitation_id = $id;"))
            {
                find.Parameters.AddWithValue("$id", invitationId);
                await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) (customer, status) = (reader.GetString(0), reader.GetString(1));
            }

            if (customer is null) return null;
            if (status != WireNames.Format(InvitationStatus.OptedOut))
            {
                await using var update = write.Command(InvitationTransitions.OptOut("$id"));
                update.Parameters.AddWithValue("$id", invitationId);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await SqliteContactLedger.InsertAsync(write, customer, new LedgerEntry(ContactRecord.Create(ContactKind.OptOut, at)), cancellationToken).ConfigureAwait(false);
                await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await FindAsync(invitationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SurveyInvitation> ReadSentAsync(DateTimeOffset? start = null, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM nps_invitations WHERE sent_at IS NOT NULL AND sent_at >= $start AND sent_at < $until ORDER BY sent_at, invitation_id;";
        select.Parameters.AddWithValue("$start", start is { } s ? s.UtcTicks : long.MinValue);
        select.Parameters.AddWithValue("$until", until is { } u ? u.UtcTicks : long.MaxValue);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return Read(reader);
    }

    /// <inheritdoc/>
    public async ValueTask<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var update = write.Command(InvitationTransitions.Expire("$now"));
        update.Parameters.AddWithValue("$now", now.UtcTicks);
        var expired = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return expired;
    }

    /// <inheritdoc/>
    /// <remarks>The local send period is computed as the response reports compute it (see <see cref="Reporting.SqliteResponseCounter"/>).</remarks>
    public async IAsyncEnumerable<ResponseRateCountRow> CountSentAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for the range and the counts, without the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        const string Range = "sent_at IS NOT NULL AND sent_at >= $from AND sent_at < $to";
        var period = (Day: "NULL", Period: "NULL");
        if (query.Period is { } kind)
        {
            await using var bounds = connection.CreateCommand();
            bounds.Transaction = transaction;
            bounds.CommandText = $"SELECT min(sent_at), max(sent_at) FROM nps_invitations WHERE {Range};";
            Bind(bounds, query);
            await using var range = await bounds.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await range.ReadAsync(cancellationToken).ConfigureAwait(false) || range.IsDBNull(0)) yield break;
            period = Reporting.SqliteResponseCounter.PeriodSql(kind, query.TimeZone, range.GetInt64(0), range.GetInt64(1), "sent_at");
        }

        var sql = new StringBuilder("SELECT ").Append(period.Period);
        for (var d = 0; d < query.Dimensions.Count; d++)
        {
            sql.Append(", ").Append(Reporting.SqliteResponseCounter.Column(query.Dimensions[d]) ?? $"json_extract(attributes, $path{d.ToString(CultureInfo.InvariantCulture)})");
        }

        sql.Append($", is_manual, count(*), sum(status = 'answered') FROM (SELECT *, {period.Day} AS d FROM nps_invitations WHERE {Range}) GROUP BY 1");
        for (var column = 2; column <= query.Dimensions.Count + 2; column++) sql.Append(", ").Append(column.ToString(CultureInfo.InvariantCulture));
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = sql.Append(';').ToString();
        Bind(select, query);
        for (var d = 0; d < query.Dimensions.Count; d++)
        {
            if (Reporting.SqliteResponseCounter.Column(query.Dimensions[d]) is null)
            {
                select.Parameters.AddWithValue("$path" + d.ToString(CultureInfo.InvariantCulture), Reporting.SqliteResponseCounter.AttributePath(query.Dimensions[d]));
            }
        }

        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var dimensions = query.Dimensions.Count;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            TimeBucket? bucket = query.Period is { } p ? TimeBucket.Containing(DateOnly.FromDayNumber(reader.GetInt32(0)), p) : null;
            var values = new string?[dimensions];
            for (var d = 0; d < dimensions; d++) values[d] = Text(reader, 1 + d);
            yield return new ResponseRateCountRow(bucket, values, reader.GetBoolean(1 + dimensions), reader.GetInt64(2 + dimensions), reader.GetInt64(3 + dimensions));
        }

        static void Bind(SqliteCommand command, NpsCountQuery query)
        {
            command.Parameters.AddWithValue("$from", query.From?.UtcTicks ?? long.MinValue);
            command.Parameters.AddWithValue("$to", query.To?.UtcTicks ?? long.MaxValue);
        }
    }

    private async ValueTask<bool> UpdateAsync(string sql, string invitationId, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var update = write.Command(sql);
        update.Parameters.AddWithValue("$id", invitationId);
        bind(update);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private async Task<SurveyInvitation?> FindOneAsync(string where, object a, object? b, CancellationToken cancellationToken)
    {
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM nps_invitations WHERE {where};";
        select.Parameters.AddWithValue("$a", a);
        if (b is not null) select.Parameters.AddWithValue("$b", b);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    // Times are ticks UTC; no attributes is NULL.
    private static SurveyInvitation Read(SqliteDataReader r) => InvitationRows.Read(r, Ticks, StoredAttributes.Read(Text(r, 9)));

    private static DateTimeOffset? Ticks(System.Data.Common.DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : new DateTimeOffset(r.GetInt64(ordinal), TimeSpan.Zero);

    private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}
