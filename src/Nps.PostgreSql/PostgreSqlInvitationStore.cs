using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.Segmentation;
using Nps.Serialization;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>
/// The outbox in PostgreSQL (<c>nps_invitations</c>): invitations written by the decision's transaction; claims take
/// due rows with <c>FOR UPDATE SKIP LOCKED</c>, so any number of instances send side by side and none gets an invitation
/// another holds; reminders and opt-outs are recorded in the ledger, under the customer lock, in the mark's transaction.
/// </summary>
public sealed class PostgreSqlInvitationStore : IInvitationStore
{
    internal const string Create = """
        CREATE TABLE IF NOT EXISTS nps_invitations (
            invitation_id         text PRIMARY KEY,
            customer_id           text NOT NULL,
            event_id              text NOT NULL,
            kind                  smallint NOT NULL,
            team                  text,
            agent                 text,
            channel               text,
            product               text,
            touchpoint            text,
            attributes            jsonb NOT NULL DEFAULT '{}',
            time_zone_id          text,
            inclusion_probability double precision NOT NULL CHECK (inclusion_probability > 0 AND inclusion_probability <= 1),
            is_manual             boolean NOT NULL,
            scheduled_at          timestamptz NOT NULL,
            sent_at               timestamptz,
            expires_at            timestamptz,
            status                text NOT NULL,
            reminders             integer NOT NULL DEFAULT 0,
            failure_reason        text,
            due_at                timestamptz,
            attempts              integer NOT NULL DEFAULT 0,
            claimed_until         timestamptz,
            token_hash            bytea,
            UNIQUE (customer_id, event_id)
        );
        CREATE UNIQUE INDEX IF NOT EXISTS nps_invitations_by_token ON nps_invitations (token_hash) WHERE token_hash IS NOT NULL;
        CREATE INDEX IF NOT EXISTS nps_invitations_by_due ON nps_invitations (due_at) WHERE due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS nps_invitations_by_sent ON nps_invitations (sent_at) WHERE sent_at IS NOT NULL;
        ALTER TABLE nps_responses ADD COLUMN IF NOT EXISTS provenance smallint NOT NULL DEFAULT 0;
        """;

    /// <summary>The sent invitations by expiry, so the outbox's expiry pass reads only those due to expire.</summary>
    internal const string AddExpiryIndex = """
        CREATE INDEX IF NOT EXISTS nps_invitations_by_expiry ON nps_invitations (expires_at) WHERE status = 'sent';
        """;

    private const string Columns = """
        invitation_id, customer_id, event_id, kind, team, agent, channel, product, touchpoint, attributes::text, time_zone_id, inclusion_probability,
        is_manual, scheduled_at, sent_at, expires_at, status, reminders, failure_reason, due_at, attempts, token_hash
        """;

    private readonly PostgreSqlNpsDatabase _database;

    /// <summary>Creates the store on a migrated database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlInvitationStore(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The insert of a decision's invitation, for the decision's batch.</summary>
    internal static NpgsqlBatchCommand Insert(SurveyInvitation i) => new("""
        INSERT INTO nps_invitations (invitation_id, customer_id, event_id, kind, team, agent, channel, product, touchpoint, attributes, time_zone_id,
            inclusion_probability, is_manual, scheduled_at, status, due_at, token_hash)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16, $17)
        ON CONFLICT DO NOTHING
        """)
    {
        Parameters =
        {
            new() { Value = i.Id }, new() { Value = i.CustomerId }, new() { Value = i.EventId }, new() { Value = (short)i.Kind },
            Text(i.Team), Text(i.Agent), Text(i.Channel), Text(i.Product), Text(i.Touchpoint),
            new() { Value = StoredAttributes.Write(i.Attributes) },
            Text(i.TimeZoneId), new() { Value = i.InclusionProbability }, new() { Value = i.IsManual }, At(i.ScheduledAt),
            new() { Value = WireNames.Format(i.Status) }, At(i.DueAt),
            new() { Value = i.TokenHash.IsEmpty ? DBNull.Value : i.TokenHash.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea },
        },
    };

    /// <summary>The mark of an invitation answered, for the response's batch.</summary>
    internal static NpgsqlBatchCommand Answer(string invitationId) => new(InvitationTransitions.Answer("$1"))
    {
        Parameters = { new() { Value = invitationId } },
    };

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        return await FindOneAsync("invitation_id = $1", [invitationId], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> FindByEventAsync(string customerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return await FindOneAsync("customer_id = $1 AND event_id = $2", [customerId, eventId], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> FindByTokenHashAsync(ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default) =>
        await FindOneAsync("token_hash = $1", [tokenHash.ToArray()], cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<InvitationClaim>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        InvitationRows.CheckClaim(limit, lease);
        var until = now + lease;
        await using var command = _database.DataSource.CreateCommand($"""
            UPDATE nps_invitations SET claimed_until = $2
            WHERE invitation_id IN (
                SELECT invitation_id FROM nps_invitations
                WHERE due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                  AND (status = 'scheduled' OR (status = 'sent' AND expires_at > $1))
                ORDER BY due_at, invitation_id
                LIMIT $3
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """);
        command.Parameters.Add(At(now));
        command.Parameters.Add(At(until));
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var claims = new List<InvitationClaim>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) claims.Add(InvitationClaim.For(Read(reader), until));
        }

        claims.Sort((a, b) => a.Invitation.DueAt!.Value.CompareTo(b.Invitation.DueAt!.Value) is var c && c != 0 ? c : string.CompareOrdinal(a.Invitation.Id, b.Invitation.Id));
        return claims;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> MarkSentAsync(InvitationClaim claim, DateTimeOffset sentAt, DateTimeOffset expiresAt, DateTimeOffset? nextDueAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var i = claim.Invitation;
        if (claim.Attempt == OutboxAttempt.Invitation)
        {
            await using var sent = _database.DataSource.CreateCommand(InvitationTransitions.Send("$1", "$2", "$3", "$4"));
            sent.Parameters.Add(new NpgsqlParameter { Value = i.Id });
            sent.Parameters.Add(At(sentAt));
            sent.Parameters.Add(At(expiresAt));
            sent.Parameters.Add(At(nextDueAt));
            return await sent.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = new NpgsqlCommand(InvitationTransitions.Remind("$1", "$2", "$3"), connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = i.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = claim.Number });
            update.Parameters.Add(At(nextDueAt));
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1) return false;
        }

        await using (var contact = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                CustomerLock.Take(i.CustomerId),
                CustomerLock.InsertContact(i.CustomerId, ContactRecord.Create(ContactKind.Reminder, sentAt, i.Kind, i.IsManual).Packed, i.EventId),
            },
        })
        {
            await contact.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RetryAsync(string invitationId, DateTimeOffset dueAt, bool failed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        await using var command = _database.DataSource.CreateCommand(InvitationTransitions.Retry("$1", "$2", "$3"));
        command.Parameters.Add(new NpgsqlParameter { Value = invitationId });
        command.Parameters.Add(At(dueAt));
        command.Parameters.Add(new NpgsqlParameter { Value = failed ? 1 : 0 });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> MarkFailedAsync(string invitationId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var command = _database.DataSource.CreateCommand(InvitationTransitions.Fail("$1", "$2"));
        command.Parameters.Add(new NpgsqlParameter { Value = invitationId });
        command.Parameters.Add(new NpgsqlParameter { Value = reason });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> MarkBouncedAsync(string invitationId, DateTimeOffset at, bool complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        if (complaint) return await OptOutAsync(invitationId, at, cancellationToken).ConfigureAwait(false);
        await using (var command = _database.DataSource.CreateCommand(InvitationTransitions.Bounce("$1")))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = invitationId });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await FindAsync(invitationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyInvitation?> OptOutAsync(string invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        using var operation = _database.Log.Start();
        await using (var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            string? customer = null;
            string? status = null;
            await using (var find = new NpgsqlCommand("SELECT customer_id, status FROM nps_invitations WHERE invitation_id = $1 FOR UPDATE", connection, transaction))
            {
                find.Parameters.Add(new NpgsqlParameter { Value = invitationId });
                await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) (customer, status) = (reader.GetString(0), reader.GetString(1));
            }

            if (customer is null) return null;
            if (status != "opted-out")
            {
                await using var write = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand(InvitationTransitions.OptOut("$1")) { Parameters = { new() { Value = invitationId } } },
                        CustomerLock.Take(customer),
                        CustomerLock.InsertContact(customer, ContactRecord.Create(ContactKind.OptOut, at).Packed),
                    },
                };
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await FindAsync(invitationId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SurveyInvitation> ReadSentAsync(DateTimeOffset? start = null, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(
            $"SELECT {Columns} FROM nps_invitations WHERE sent_at >= $1 AND sent_at < $2 ORDER BY sent_at, invitation_id COLLATE \"C\"");
        command.Parameters.Add(At(start ?? DateTimeOffset.MinValue));
        command.Parameters.Add(At(until ?? DateTimeOffset.MaxValue));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return Read(reader);
    }

    /// <inheritdoc/>
    public async ValueTask<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = _database.DataSource.CreateCommand(InvitationTransitions.Expire("$1"));
        command.Parameters.Add(At(now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The query's time zone has no IANA id PostgreSQL knows.</exception>
    /// <remarks>The local send period comes from <c>AT TIME ZONE</c>, as in the response reports (<see cref="Reporting.PostgreSqlResponseCounter"/>).</remarks>
    public async IAsyncEnumerable<ResponseRateCountRow> CountSentAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var zone = Reporting.PostgreSqlResponseCounter.ZoneName(query.TimeZone);
        var sql = new StringBuilder("SELECT ").Append(Reporting.PostgreSqlResponseCounter.LocalPeriodSql(query, "sent_at"));
        var parameter = 4;
        foreach (var dimension in query.Dimensions)
        {
            sql.Append(", ").Append(Reporting.PostgreSqlResponseCounter.Column(dimension) ?? $"attributes ->> ${parameter++}");
        }

        sql.Append(", is_manual, count(*), count(*) FILTER (WHERE status = 'answered') FROM nps_invitations WHERE sent_at >= $1 AND sent_at < $2 GROUP BY 1");
        for (var column = 2; column <= query.Dimensions.Count + 2; column++) sql.Append(", ").Append(column);
        await using var command = _database.DataSource.CreateCommand(sql.ToString());
        command.Parameters.Add(At(query.From ?? DateTimeOffset.MinValue));
        command.Parameters.Add(At(query.To ?? DateTimeOffset.MaxValue));
        command.Parameters.Add(Text(zone));
        foreach (var dimension in query.Dimensions)
        {
            if (Reporting.PostgreSqlResponseCounter.Column(dimension) is null) command.Parameters.Add(Text(dimension));
        }

        await using var reader = await Reporting.PostgreSqlResponseCounter.ExecuteAsync(command, query, zone, cancellationToken).ConfigureAwait(false);
        var dimensions = query.Dimensions.Count;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            TimeBucket? period = query.Period is { } kind ? TimeBucket.Containing(reader.GetFieldValue<DateOnly>(0), kind) : null;
            var values = new string?[dimensions];
            for (var d = 0; d < dimensions; d++) values[d] = reader.IsDBNull(1 + d) ? null : reader.GetString(1 + d);
            yield return new ResponseRateCountRow(period, values, reader.GetBoolean(1 + dimensions), reader.GetInt64(2 + dimensions), reader.GetInt64(3 + dimensions));
        }
    }

    private async Task<SurveyInvitation?> FindOneAsync(string where, object[] values, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand($"SELECT {Columns} FROM nps_invitations WHERE {where}");
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    // Times are timestamptz; attributes are jsonb, '{}' when none.
    private static SurveyInvitation Read(NpgsqlDataReader r) => InvitationRows.Read(r, Time, StoredAttributes.Read(r.GetString(9)));

    private static DateTimeOffset? Time(System.Data.Common.DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter At(DateTimeOffset? at) =>
        new() { Value = at is { } value ? value.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
