using Microsoft.Data.Sqlite;
using Nps.Sqlite;

namespace Nps.Stores.Tests;

public sealed class SqliteNpsDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nps-sqlite-db-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "nps.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Open_FreshFile_WalAndCurrentSchemaVersion()
    {
        _ = new SqliteNpsDatabase(ConnectionString);
        _ = new SqliteNpsDatabase(ConnectionString); // opening again migrates nothing and keeps the file

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteNpsDatabase.SchemaVersion, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(14L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'nps\\_%' ESCAPE '\\';"));
    }

    /// <summary>What schema step 6 added (the outbox and the responses' provenance), dropped to make a file of an earlier version.</summary>
    internal const string DropOutbox = DropRetention + "DROP TABLE nps_invitations; ALTER TABLE nps_responses DROP COLUMN provenance; ";

    /// <summary>What schema 12 adds (the theme counts), dropped first: its update trigger reads the provenance column.</summary>
    internal const string DropThemes = "DROP TRIGGER nps_theme_mentions_delete; DROP TRIGGER nps_theme_mentions_update; DROP TABLE nps_theme_mentions; DROP TABLE nps_theme_days; DROP TABLE nps_theme_state; ";

    /// <summary>What schema 11 adds that a rerun would add twice (the decisions' time column; the rest is created if missing).</summary>
    internal const string DropRetention = DropThemes + "DROP TABLE nps_retention; DROP INDEX nps_decisions_by_time; ALTER TABLE nps_decisions DROP COLUMN decided_at; ";

    [Fact]
    public void Open_Version1File_AddsTheFirstSightingsAndKeepsTheRest()
    {
        _ = new SqliteNpsDatabase(ConnectionString);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Scalar(connection, "DROP TABLE nps_first_seen;");
            Scalar(connection, "DROP TRIGGER nps_response_days_insert; DROP TRIGGER nps_response_days_delete; DROP TRIGGER nps_response_days_update; DROP TABLE nps_response_days;");
            Scalar(connection, "INSERT INTO nps_quotas (policy, period_start, used) VALUES ('all', 0, 3);");
            Scalar(connection, DropOutbox + "PRAGMA user_version = 1;");
        }

        _ = new SqliteNpsDatabase(ConnectionString);

        using var reopened = new SqliteConnection(ConnectionString);
        reopened.Open();
        Assert.Equal((long)SqliteNpsDatabase.SchemaVersion, Scalar(reopened, "PRAGMA user_version;"));
        Assert.Equal(0L, Scalar(reopened, "SELECT count(*) FROM nps_first_seen;"));
        Assert.Equal(3L, Scalar(reopened, "SELECT used FROM nps_quotas WHERE policy = 'all';"));
    }

    [Fact]
    public async Task Open_Version4File_AddsTheResponseVersionKeptByTriggers()
    {
        _ = new SqliteNpsDatabase(ConnectionString);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Scalar(connection, "DROP TRIGGER nps_response_version_insert; DROP TRIGGER nps_response_version_update; DROP TRIGGER nps_response_version_delete;");
            // The rollups as schema 4 left them (schema 8's triggers read the provenance column the downgrade drops).
            Scalar(connection, "DROP TRIGGER nps_response_days_insert; DROP TRIGGER nps_response_days_delete; DROP TRIGGER nps_response_days_update; DROP TABLE nps_response_days;"
                + Nps.Sqlite.Reporting.SqliteRollupSchema.Create() + Nps.Sqlite.Reporting.SqliteRollupSchema.AddMonths());
            Scalar(connection, DropOutbox + "DROP TABLE nps_response_version; PRAGMA user_version = 4;");
            Scalar(connection, """
                INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes,
                    inclusion_probability, probability_stated, is_manual, received_at)
                VALUES ('R1', 'C1', 0, 9, 0, 638712864000000000, 0, 1.0, 0, 0, 638712864000000000);
                """);
        }

        var database = new SqliteNpsDatabase(ConnectionString);
        var responses = new SqliteResponseStore(database);
        var migrated = await responses.GetResponseVersionAsync(TestContext.Current.CancellationToken);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Assert.Equal((long)SqliteNpsDatabase.SchemaVersion, Scalar(connection, "PRAGMA user_version;"));
            Scalar(connection, "DELETE FROM nps_responses WHERE response_id = 'R1';");
        }

        Assert.Null(await responses.FindAsync("R1", TestContext.Current.CancellationToken));
        Assert.Equal(migrated + 1, await responses.GetResponseVersionAsync(TestContext.Current.CancellationToken));
        Assert.InRange(migrated, 0, (1L << 46) - 1);
    }

    [Fact]
    public void Open_NewerSchema_RefusedNamingTheVersions()
    {
        _ = new SqliteNpsDatabase(ConnectionString);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Scalar(connection, $"PRAGMA user_version = {SqliteNpsDatabase.SchemaVersion + 2};");
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteNpsDatabase(ConnectionString));

        Assert.Equal($"The database {Path.Combine(_folder, "nps.db")} has schema version {SqliteNpsDatabase.SchemaVersion + 2}; this Nps.Sqlite knows up to {SqliteNpsDatabase.SchemaVersion}.", error.Message);
    }

    [Fact]
    public void Open_Version13File_LaterStepsCanDropAndRenameColumns()
    {
        _ = new SqliteNpsDatabase(ConnectionString);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            // Schema 12's delete trigger as it shipped, with its aliased update target.
            Scalar(connection, "DROP TRIGGER nps_theme_mentions_delete;");
            Scalar(connection, """
                CREATE TRIGGER nps_theme_mentions_delete AFTER DELETE ON nps_responses BEGIN
                    UPDATE nps_theme_days AS d SET c0 = d.c0 - (m.category = 0) FROM nps_theme_mentions AS m
                    WHERE m.response_seq = OLD.seq AND d.utc_day = m.utc_day AND d.theme = m.theme;
                END;
                PRAGMA user_version = 13;
                """);
            Scalar(connection, "CREATE TABLE scratch (a INTEGER, b INTEGER);");
            Assert.Contains("d.c0", Assert.Throws<SqliteException>(() => Scalar(connection, "ALTER TABLE scratch DROP COLUMN b;")).Message);
        }

        _ = new SqliteNpsDatabase(ConnectionString);

        using var reopened = new SqliteConnection(ConnectionString);
        reopened.Open();
        Assert.Equal((long)SqliteNpsDatabase.SchemaVersion, Scalar(reopened, "PRAGMA user_version;"));
        Scalar(reopened, "ALTER TABLE scratch DROP COLUMN b; ALTER TABLE scratch RENAME COLUMN a TO c;");
        Assert.Equal(1L, Scalar(reopened, "SELECT count(*) FROM pragma_table_info('scratch') WHERE name = 'c';"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
