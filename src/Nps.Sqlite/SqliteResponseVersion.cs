namespace Nps.Sqlite;

/// <summary>
/// The version of the stored responses (schema version 5, see <see cref="Intake.IResponseDataVersion"/>): table
/// <c>nps_response_version</c>, one row, whose <c>version</c> the triggers on <c>nps_responses</c> add 1 to for every
/// inserted, updated or deleted row, in the writing transaction — so every write path (the store, an import, SQL typed
/// by hand, the load script's bulk <c>INSERT</c>) moves it, and a reader sees the new number exactly when it sees the
/// new rows. SQLite has no statement triggers; row triggers cost one in-page update a row, and writers are
/// serialised by the file's write lock anyway.
/// </summary>
internal static class SqliteResponseVersion
{
    /// <summary>
    /// The schema step: the table starting at a random number below 2^46 (so a file created anew does not repeat the
    /// versions of an earlier one) and the triggers. Written to be idempotent, so a file whose <c>user_version</c> was
    /// set back by hand is brought forward again without error.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS nps_response_version (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO nps_response_version (id, version) VALUES (1, random() & 70368744177663);
        CREATE TRIGGER IF NOT EXISTS nps_response_version_insert AFTER INSERT ON nps_responses
            BEGIN UPDATE nps_response_version SET version = version + 1; END;
        CREATE TRIGGER IF NOT EXISTS nps_response_version_update AFTER UPDATE ON nps_responses
            BEGIN UPDATE nps_response_version SET version = version + 1; END;
        CREATE TRIGGER IF NOT EXISTS nps_response_version_delete AFTER DELETE ON nps_responses
            BEGIN UPDATE nps_response_version SET version = version + 1; END;

        """;

    /// <summary>Reads the version (one statement, so one snapshot).</summary>
    public static async ValueTask<long> ReadAsync(SqliteNpsDatabase database, CancellationToken cancellationToken)
    {
        using var operation = database.Log.Start();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM nps_response_version WHERE id = 1;";
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
            ? version
            : throw new InvalidOperationException($"The database {database.DataSource} has no row in nps_response_version; restore it with: "
                + "INSERT INTO nps_response_version (id, version) VALUES (1, random() & 70368744177663);");
    }
}
