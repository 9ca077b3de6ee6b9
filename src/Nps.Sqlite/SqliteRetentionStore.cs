using Nps.Privacy;
using Nps.Stores;

namespace Nps.Sqlite;

/// <summary>
/// Retention on SQLite (schema version 11): each batch is one <c>BEGIN IMMEDIATE</c> transaction with
/// <c>PRAGMA secure_delete</c> on, followed by a <c>wal_checkpoint(TRUNCATE)</c> as after an erasure, so the removed
/// bytes are gone from the file and its WAL. Responses are deleted with <c>nps_retention.erasing</c> set, which the
/// rollups' delete trigger skips: their counts stay in <c>nps_response_days</c>, and <c>nps_retention.responses_before</c>
/// records the cutoff, so <see cref="Reporting.SqliteResponseCounter"/> reads the rollups for the days before it. The
/// response data version moves (cached report bodies are renewed: views that read rows change).
/// </summary>
public sealed class SqliteRetentionStore : IRetentionStore
{
    /// <summary>The schema step.</summary>
    internal static string Create => """
        CREATE TABLE IF NOT EXISTS nps_retention (
            id               INTEGER PRIMARY KEY CHECK (id = 1),
            responses_before INTEGER NOT NULL,
            erasing          INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO nps_retention (id, responses_before, erasing) VALUES (1, 0, 0);
        ALTER TABLE nps_decisions ADD COLUMN decided_at INTEGER;
        UPDATE nps_decisions SET decided_at = CAST(round((julianday(json_extract(body, '$.decidedAt')) - 1721425.5) * 864000000000) AS INTEGER);
        CREATE INDEX IF NOT EXISTS nps_decisions_by_time ON nps_decisions (decided_at);
        CREATE INDEX IF NOT EXISTS nps_contacts_by_time ON nps_contacts (packed);
        CREATE INDEX IF NOT EXISTS nps_invitations_by_scheduled ON nps_invitations (scheduled_at);
        CREATE INDEX IF NOT EXISTS nps_follow_ups_by_due ON nps_follow_ups (due_at);
        CREATE INDEX IF NOT EXISTS nps_first_seen_by_time ON nps_first_seen (first_seen_at);

        """ + Reporting.SqliteRollupSchema.KeepCountsOnRetention();

    // Rows are found by rowid (responses by their sequence number), in batches of $limit.
    private static readonly string Responses =
        $"DELETE FROM nps_responses WHERE seq IN (SELECT r.seq FROM nps_responses AS r WHERE {RetentionRules.Responses("$cutoff")} ORDER BY r.responded_at LIMIT $limit);";

    private static readonly string FollowUps =
        $"DELETE FROM nps_follow_ups WHERE rowid IN (SELECT u.rowid FROM nps_follow_ups AS u WHERE {RetentionRules.FollowUps("$cutoff")} LIMIT $limit);";

    private static readonly string Invitations =
        $"DELETE FROM nps_invitations WHERE rowid IN (SELECT i.rowid FROM nps_invitations AS i WHERE {RetentionRules.Invitations("$cutoff")} LIMIT $limit);";

    private static readonly string Decisions =
        $"DELETE FROM nps_decisions WHERE rowid IN (SELECT d.rowid FROM nps_decisions AS d WHERE {RetentionRules.Decisions("$cutoff")} LIMIT $limit);";

    private static readonly string Contacts =
        $"DELETE FROM nps_contacts WHERE rowid IN (SELECT c.rowid FROM nps_contacts AS c WHERE {RetentionRules.Contacts("$packed")} LIMIT $limit);";

    private static readonly string FirstSeen =
        $"DELETE FROM nps_first_seen WHERE rowid IN (SELECT f.rowid FROM nps_first_seen AS f WHERE {RetentionRules.FirstSeen("$cutoff")} LIMIT $limit);";

    private readonly SqliteNpsDatabase _database;

    /// <summary>Creates the retention over a database.</summary>
    /// <param name="database">The database.</param>
    public SqliteRetentionStore(SqliteNpsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseResponsesBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return BatchAsync(cutoff, batchSize, [
            ("UPDATE nps_retention SET erasing = 1, responses_before = max(responses_before, $cutoff) WHERE id = 1;", false),
            (Responses, true),
            ("UPDATE nps_retention SET erasing = 0 WHERE id = 1;", false),
            (FollowUps, true)], cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<int> EraseContactsBeforeAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return BatchAsync(cutoff, batchSize, [(Invitations, true), (Decisions, true), (Contacts, true), (FirstSeen, true)], cancellationToken);
    }

    /// <summary>Runs the statements in one write; each counted one removes at most what is left of the batch.</summary>
    private async ValueTask<int> BatchAsync(DateTimeOffset cutoff, int batchSize, (string Sql, bool Counted)[] statements, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerMemberName] string operationName = "")
    {
        int removed;
        await using (var write = await _database.BeginWriteAsync(cancellationToken, operationName).ConfigureAwait(false))
        {
            await SqliteCustomerEraser.SecureDeleteAsync(write, cancellationToken).ConfigureAwait(false);
            removed = await RetentionBatch.RunAsync(batchSize, statements, (sql, limit) =>
            {
                var command = write.Command(sql);
                command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
                command.Parameters.AddWithValue("$limit", limit);
                if (sql.Contains("$packed", StringComparison.Ordinal)) command.Parameters.AddWithValue("$packed", RetentionBatch.PackedBefore(cutoff));
                return command;
            }, cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (removed > 0) await SqliteCustomerEraser.CheckpointAsync(_database, cancellationToken).ConfigureAwait(false);
        return removed;
    }
}
