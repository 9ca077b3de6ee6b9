using Npgsql;
using Nps.Privacy;
using Nps.Stores;

namespace Nps.PostgreSql;

/// <summary>
/// Retention on PostgreSQL (migration 11): each batch is one transaction that first locks the one row of
/// <c>nps_retention</c>, so instances running the pass at once take turns instead of racing for the same rows. Responses
/// are deleted with the transaction's setting <c>nps.retention</c> on, which the rollups' delete trigger skips: their
/// counts stay in <c>nps_response_days</c>, and <c>nps_retention.responses_before</c> records the cutoff, so
/// <see cref="Reporting.PostgreSqlResponseCounter"/> reads the rollups for the days before it. The response data version
/// moves. Dead tuples stay on disk until vacuum reclaims them, as after any delete.
/// </summary>
public sealed class PostgreSqlRetentionStore : IRetentionStore
{
    /// <summary>The migration.</summary>
    internal const string Create = """
        CREATE TABLE IF NOT EXISTS nps_retention (
            id               integer PRIMARY KEY CHECK (id = 1),
            responses_before bigint NOT NULL
        );
        INSERT INTO nps_retention (id, responses_before) VALUES (1, 0) ON CONFLICT DO NOTHING;
        CREATE INDEX IF NOT EXISTS nps_decisions_by_time ON nps_decisions (decided_at);
        CREATE INDEX IF NOT EXISTS nps_contacts_by_time ON nps_contacts (packed);
        CREATE INDEX IF NOT EXISTS nps_invitations_by_scheduled ON nps_invitations (scheduled_at);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_due ON nps_follow_ups (due_at);
        CREATE INDEX IF NOT EXISTS nps_first_seen_by_time ON nps_first_seen (first_seen_at);

        """ + Reporting.PostgreSqlRollupSchema.KeepCountsOnRetention;

    // Rows are found by key, in batches of $2; $1 is the cutoff.
    private static readonly string Responses =
        $"DELETE FROM nps_responses WHERE response_id IN (SELECT r.response_id FROM nps_responses AS r WHERE {RetentionRules.Responses("$1")} ORDER BY r.responded_at LIMIT $2)";

    private static readonly string FollowUps =
        $"DELETE FROM nps_follow_ups WHERE id IN (SELECT u.id FROM nps_follow_ups AS u WHERE {RetentionRules.FollowUps("$1")} LIMIT $2)";

    private static readonly string Invitations =
        $"DELETE FROM nps_invitations WHERE invitation_id IN (SELECT i.invitation_id FROM nps_invitations AS i WHERE {RetentionRules.Invitations("$1")} LIMIT $2)";

    private static readonly string Decisions =
        $"DELETE FROM nps_decisions WHERE (customer_id, event_id) IN (SELECT d.customer_id, d.event_id FROM nps_decisions AS d WHERE {RetentionRules.Decisions("$1")} LIMIT $2)";

    private static readonly string Contacts =
        $"DELETE FROM nps_contacts WHERE seq IN (SELECT c.seq FROM nps_contacts AS c WHERE {RetentionRules.Contacts("$1")} LIMIT $2)";

    private static readonly string FirstSeen =
        $"DELETE FROM nps_first_seen WHERE customer_id IN (SELECT f.customer_id FROM nps_first_seen AS f WHERE {RetentionRules.FirstSeen("$1")} LIMIT $2)";

    private readonly PostgreSqlNpsDatabase _database;

    /// <summary>Creates the retention over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlRetentionStore(PostgreSqlNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseResponsesBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return BatchAsync(batchSize, [
            (Setup("SELECT set_config('nps.retention', 'on', true)"), false),
            (Setup("UPDATE nps_retention SET responses_before = greatest(responses_before, $1) WHERE id = 1", cutoff.UtcTicks), false),
            (Delete(Responses, cutoff.UtcDateTime), true),
            (Setup("SELECT set_config('nps.retention', '', true)"), false),
            (Delete(FollowUps, cutoff.UtcDateTime), true)], cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseContactsBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var packed = RetentionBatch.PackedBefore(cutoff);
        return BatchAsync(batchSize, [
            (Delete(Invitations, cutoff.UtcDateTime), true), (Delete(Decisions, cutoff.UtcDateTime), true),
            (Delete(Contacts, packed), true), (Delete(FirstSeen, cutoff.UtcDateTime), true)], cancellationToken);
    }

    private static Func<int, NpgsqlCommand> Setup(string sql, object? value = null) => _ =>
    {
        var command = new NpgsqlCommand(sql);
        if (value is not null) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    };

    private static Func<int, NpgsqlCommand> Delete(string sql, object cutoff) => limit => new NpgsqlCommand(sql)
    {
        Parameters = { new NpgsqlParameter { Value = cutoff }, new NpgsqlParameter { Value = limit } },
    };

    /// <summary>Runs the commands in one transaction; each counted one removes at most what is left of the batch.</summary>
    private async ValueTask<int> BatchAsync(int batchSize, (Func<int, NpgsqlCommand> Command, bool Counted)[] commands, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var turn = new NpgsqlCommand("SELECT 1 FROM nps_retention WHERE id = 1 FOR UPDATE", connection, transaction))
        {
            await turn.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var removed = await RetentionBatch.RunAsync(batchSize, commands, (make, limit) =>
        {
            var command = make(limit);
            command.Connection = connection;
            command.Transaction = transaction;
            return command;
        }, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }
}
