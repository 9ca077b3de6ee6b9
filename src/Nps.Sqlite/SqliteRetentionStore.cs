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
    private static readonly string Responses = Delete(RetentionRules.Responses, "seq");
    private static readonly string FollowUps = Delete(RetentionRules.FollowUps);
    private static readonly string Invitations = Delete(RetentionRules.Invitations);
    private static readonly string Decisions = Delete(RetentionRules.Decisions);
    private static readonly string Contacts = Delete(RetentionRules.Contacts, cutoff: "$packed");
    private static readonly string FirstSeen = Delete(RetentionRules.FirstSeen);

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

    private static string Delete(RetentionRules.Rule rule, string key = "rowid", string cutoff = "$cutoff") =>
        RetentionRules.Delete(rule, key, cutoff, "$limit") + ";";

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
