using Nps.Fatigue;
using Nps.Sampling;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>
/// An <see cref="IDecisionStore"/> in SQLite: each decision is one <c>BEGIN IMMEDIATE</c> transaction that looks up
/// an earlier decision for the customer and event, reads the history, the quota's count and the customer's first
/// sighting, runs the decision and writes the invitation, the quota count, the first sighting and the decision — so a retry from any process on the file returns the
/// first decision and records nothing, and quotas hold across restarts and instances.
/// </summary>
public sealed class SqliteDecisionStore : IDecisionStore
{
    private readonly SqliteNpsDatabase _database;

    /// <summary>Creates the store on a database (its ledger is a <see cref="SqliteContactLedger"/> on the same file).</summary>
    /// <param name="database">The database.</param>
    public SqliteDecisionStore(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        Ledger = new SqliteContactLedger(database);
    }

    /// <inheritdoc/>
    public IContactLedger Ledger { get; }

    /// <inheritdoc/>
    public async ValueTask<RecordedDecision> DecideOnceAsync(DecisionRequest request, Func<DecisionState, DecisionCommit> decide,
        CancellationToken cancellationToken = default)
    {
        StoredDecisions.CheckRequest(request, decide);
        await using var write = await _database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (var find = write.Command("SELECT body FROM nps_decisions WHERE customer_id = $customer AND event_id = $event;"))
        {
            find.Parameters.AddWithValue("$customer", request.CustomerId);
            find.Parameters.AddWithValue("$event", request.EventId);
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string earlier) return new RecordedDecision(StoredDecisions.Read(earlier), IsReplay: true);
        }

        var history = await SqliteContactLedger.ReadHistoryAsync(write.Connection, write, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var available = request.Quota is not { } quota || await UsedAsync(write, quota, cancellationToken).ConfigureAwait(false) < quota.MaxInvitations;
        DateTimeOffset? recordedFirstSeen = request.SeenAt is null ? null : await FirstSeenAsync(write.Connection, write, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var commit = decide(new DecisionState(history, available, recordedFirstSeen ?? request.SeenAt));
        DecisionStoreGuard.Check(request, commit);
        if (recordedFirstSeen is null && request.SeenAt is { } seen)
        {
            await using var first = write.Command("INSERT INTO nps_first_seen (customer_id, first_seen_at) VALUES ($customer, $at);");
            first.Parameters.AddWithValue("$customer", request.CustomerId);
            first.Parameters.AddWithValue("$at", seen.UtcTicks);
            await first.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (commit.CountsQuota)
        {
            var q = request.Quota!;
            await using var count = write.Command("""
                INSERT INTO nps_quotas (policy, period_start, used) VALUES ($policy, $start, 1)
                ON CONFLICT (policy, period_start) DO UPDATE SET used = used + 1 WHERE used < $max;
                """);
            count.Parameters.AddWithValue("$policy", q.Policy);
            count.Parameters.AddWithValue("$start", q.PeriodStart.UtcTicks);
            count.Parameters.AddWithValue("$max", q.MaxInvitations);
            if (await count.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw StoredDecisions.QuotaPastMaximum(q);
            }
        }

        if (commit.Invitation is { } invitation) await SqliteContactLedger.InsertAsync(write, request.CustomerId, invitation, cancellationToken).ConfigureAwait(false);
        if (commit.Delivery is { } delivery) await SqliteInvitationStore.InsertAsync(write, delivery, cancellationToken).ConfigureAwait(false);
        await using (var insert = write.Command("INSERT INTO nps_decisions (customer_id, event_id, body, decided_at) VALUES ($customer, $event, $body, $at);"))
        {
            insert.Parameters.AddWithValue("$customer", request.CustomerId);
            insert.Parameters.AddWithValue("$at", commit.Decision.DecidedAt.UtcTicks);
            insert.Parameters.AddWithValue("$event", request.EventId);
            insert.Parameters.AddWithValue("$body", StoredDecisions.Write(commit.Decision));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RecordedDecision(commit.Decision, IsReplay: false);
    }

    /// <inheritdoc/>
    public async ValueTask<SurveyDecision?> FindAsync(string customerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT body FROM nps_decisions WHERE customer_id = $customer AND event_id = $event;";
        find.Parameters.AddWithValue("$customer", customerId);
        find.Parameters.AddWithValue("$event", eventId);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? StoredDecisions.Read(body) : null;
    }

    /// <inheritdoc/>
    public async ValueTask<DateTimeOffset?> FindFirstSeenAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FirstSeenAsync(connection, null, customerId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<int> GetQuotaUsedAsync(QuotaKey quota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quota);
        using var operation = _database.Log.Start();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT used FROM nps_quotas WHERE policy = $policy AND period_start = $start;";
        select.Parameters.AddWithValue("$policy", quota.Policy);
        select.Parameters.AddWithValue("$start", quota.PeriodStart.UtcTicks);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long used ? (int)used : 0;
    }

    private static async Task<int> UsedAsync(SqliteWrite write, QuotaKey quota, CancellationToken cancellationToken)
    {
        await using var select = write.Command("SELECT used FROM nps_quotas WHERE policy = $policy AND period_start = $start;");
        select.Parameters.AddWithValue("$policy", quota.Policy);
        select.Parameters.AddWithValue("$start", quota.PeriodStart.UtcTicks);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long used ? (int)used : 0;
    }

    private static async Task<DateTimeOffset?> FirstSeenAsync(Microsoft.Data.Sqlite.SqliteConnection connection, SqliteWrite? write, string customerId,
        CancellationToken cancellationToken)
    {
        await using var select = write?.Command("") ?? connection.CreateCommand();
        select.CommandText = "SELECT first_seen_at FROM nps_first_seen WHERE customer_id = $customer;";
        select.Parameters.AddWithValue("$customer", customerId);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }
}
