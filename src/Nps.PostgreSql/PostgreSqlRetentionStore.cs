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
    private static readonly string Responses = RetentionRules.Delete(RetentionRules.Responses, "response_id", "$1", "$2");
    private static readonly string FollowUps = RetentionRules.Delete(RetentionRules.FollowUps, "id", "$1", "$2");
    private static readonly string Invitations = RetentionRules.Delete(RetentionRules.Invitations, "invitation_id", "$1", "$2");
    private static readonly string Decisions = RetentionRules.Delete(RetentionRules.Decisions, "customer_id, event_id", "$1", "$2");
    private static readonly string Contacts = RetentionRules.Delete(RetentionRules.Contacts, "seq", "$1", "$2");
    private static readonly string FirstSeen = RetentionRules.Delete(RetentionRules.FirstSeen, "customer_id", "$1", "$2");

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
