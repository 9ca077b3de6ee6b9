using Npgsql;
using NpgsqlTypes;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Serialization;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>
/// Survey decisions and durable, shared quota counters in PostgreSQL, beside the <see cref="PostgreSqlContactLedger"/>:
/// each decision is one transaction — customer lock, earlier decision by (customer id, event id), history, first
/// sighting, quota row (locked <c>FOR UPDATE</c>), the decision function, then first sighting, invitation, quota
/// count and decision — so a retry in any
/// process returns the first decision and records nothing, and no quota counts past its maximum.
/// </summary>
/// <remarks>
/// Two round trips before the decision function runs and one after, each an <see cref="NpgsqlBatch"/>. Locks are
/// always taken customer first, quota second, so two decisions never wait for each other in a cycle.
/// </remarks>
public sealed class PostgreSqlDecisionStore : IDecisionStore
{
    private const string FindSql = "SELECT body FROM nps_decisions WHERE customer_id = $1 AND event_id = $2";
    private const string FirstSeenSql = "SELECT first_seen_at FROM nps_first_seen WHERE customer_id = $1";
    private readonly PostgreSqlNpsDatabase _database;

    /// <summary>A decision store on a migrated database, with its ledger.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlDecisionStore(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        Ledger = new PostgreSqlContactLedger(database);
    }

    /// <inheritdoc />
    public IContactLedger Ledger { get; }

    /// <inheritdoc />
    public async ValueTask<RecordedDecision> DecideOnceAsync(DecisionRequest request, Func<DecisionState, DecisionCommit> decide,
        CancellationToken cancellationToken = default)
    {
        StoredDecisions.CheckRequest(request, decide);
        using var operation = _database.Log.Start();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        ContactHistory history;
        DateTimeOffset? recordedFirstSeen = null;
        await using (var read = ReadBatch(connection, transaction, request))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var earlier = StoredDecisions.Read(reader.GetString(0));
                await reader.DisposeAsync().ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new RecordedDecision(earlier, IsReplay: true);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            history = await ContactRows.ReadHistoryAsync(reader, cancellationToken).ConfigureAwait(false);
            if (request.SeenAt is not null)
            {
                // Under the customer lock, so concurrent first sightings of one customer see each other.
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) recordedFirstSeen = new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero);
            }
        }

        var quotaAvailable = true;
        if (request.Quota is { } quota)
        {
            // Creates the counter row if missing and locks it either way (DO UPDATE takes the row lock), returning its count.
            await using var lockQuota = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    QuotaCommand("""
                        INSERT INTO nps_quota_counts AS q (policy, period_start, used) VALUES ($1, $2, 0)
                        ON CONFLICT (policy, period_start) DO UPDATE SET used = q.used RETURNING used
                        """, quota),
                },
            };
            var used = Convert.ToInt32(await lockQuota.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            quotaAvailable = used < quota.MaxInvitations;
        }

        var commit = decide(new DecisionState(history, quotaAvailable, recordedFirstSeen ?? request.SeenAt));
        DecisionStoreGuard.Check(request, commit);
        if (commit.CountsQuota && !quotaAvailable)
        {
            throw StoredDecisions.QuotaPastMaximum(request.Quota!);
        }

        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            if (commit.Invitation is { } invitation)
            {
                write.BatchCommands.Add(CustomerLock.InsertContact(request.CustomerId, invitation.Record.Packed, invitation.EventId, invitation.InclusionProbability));
            }

            if (commit.Delivery is { } delivery) write.BatchCommands.Add(PostgreSqlInvitationStore.Insert(delivery));

            if (recordedFirstSeen is null && request.SeenAt is { } seen)
            {
                write.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO nps_first_seen (customer_id, first_seen_at) VALUES ($1, $2)")
                {
                    Parameters = { new() { Value = request.CustomerId }, new() { Value = seen.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
                });
            }

            if (commit.CountsQuota)
            {
                write.BatchCommands.Add(QuotaCommand("UPDATE nps_quota_counts SET used = used + 1 WHERE policy = $1 AND period_start = $2", request.Quota!));
            }

            write.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO nps_decisions (customer_id, event_id, outcome, decided_at, body) VALUES ($1, $2, $3, $4, $5)")
            {
                Parameters =
                {
                    new() { Value = request.CustomerId },
                    new() { Value = request.EventId },
                    new() { Value = WireNames.Format(commit.Decision.Outcome) },
                    new() { Value = commit.Decision.DecidedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    new() { Value = StoredDecisions.Write(commit.Decision) },
                },
            });
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RecordedDecision(commit.Decision, IsReplay: false);
    }

    /// <inheritdoc />
    public async ValueTask<SurveyDecision?> FindAsync(string customerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await using var command = _database.DataSource.CreateCommand(FindSql);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? StoredDecisions.Read(body) : null;
    }

    /// <inheritdoc />
    public async ValueTask<DateTimeOffset?> FindFirstSeenAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var command = _database.DataSource.CreateCommand(FirstSeenSql);
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <inheritdoc />
    public async ValueTask<int> GetQuotaUsedAsync(QuotaKey quota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quota);
        await using var command = _database.DataSource.CreateCommand("SELECT used FROM nps_quota_counts WHERE policy = $1 AND period_start = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = quota.Policy });
        command.Parameters.Add(new NpgsqlParameter { Value = quota.PeriodStart.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int used ? used : 0;
    }

    // Customer lock, earlier decision, history and, for a sighting, the recorded first sighting: one round trip.
    private static NpgsqlBatch ReadBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionRequest request)
    {
        var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { CustomerLock.Take(request.CustomerId), Find(request.CustomerId, request.EventId), CustomerLock.ReadHistory(request.CustomerId) },
        };
        if (request.SeenAt is not null) batch.BatchCommands.Add(new NpgsqlBatchCommand(FirstSeenSql) { Parameters = { new() { Value = request.CustomerId } } });
        return batch;
    }

    private static NpgsqlBatchCommand Find(string customerId, string eventId) =>
        new(FindSql) { Parameters = { new() { Value = customerId }, new() { Value = eventId } } };

    private static NpgsqlBatchCommand QuotaCommand(string sql, QuotaKey quota) => new(sql)
    {
        Parameters =
        {
            new() { Value = quota.Policy },
            new() { Value = quota.PeriodStart.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
        },
    };
}
