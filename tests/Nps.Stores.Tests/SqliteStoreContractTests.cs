using Microsoft.Data.Sqlite;
using Nps.Sqlite;

namespace Nps.Stores.Tests;

/// <summary>The contract on SQLite: each test has its own file; every <see cref="StoreContractTests.OpenAsync"/> opens a new instance on it.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nps-sqlite-").FullName;

    /// <summary>The test's database file.</summary>
    public string FilePath => Path.Combine(_folder, "nps.db");

    /// <inheritdoc/>
    protected override ValueTask<StoreSet> OpenStoresAsync(TimeProvider clock)
    {
        var stores = new SqliteNpsStores($"Data Source={FilePath}");
        return ValueTask.FromResult(new StoreSet(stores.Ledger, stores.Decisions, stores.Responses, stores.FollowUps,
            Sql: new RawSql(ExecuteAsync, CopyColumns), Counts: new Sqlite.Reporting.SqliteResponseCounter(stores.Database, Nps.Reporting.RollupUse.Always)) { Invitations = stores.Invitations, Eraser = stores.Eraser, Retention = stores.Retention });
    }

    /// <inheritdoc/>
    protected override string? FollowUpsBeforeStep13Sql => """
        PRAGMA legacy_alter_table = ON;
        CREATE TABLE nps_follow_ups_v12 (follow_up_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, status TEXT NOT NULL, due_at INTEGER NOT NULL, body TEXT NOT NULL);
        INSERT INTO nps_follow_ups_v12 SELECT follow_up_id, customer_id, status, due_at, body FROM nps_follow_ups;
        DROP TABLE nps_follow_ups;
        ALTER TABLE nps_follow_ups_v12 RENAME TO nps_follow_ups;
        CREATE INDEX nps_follow_ups_by_status ON nps_follow_ups (status, due_at);
        CREATE INDEX nps_follow_ups_by_customer ON nps_follow_ups (customer_id);
        CREATE INDEX nps_follow_ups_by_due ON nps_follow_ups (due_at);
        PRAGMA user_version = 12;
        """;

    private const string CopyColumns = """
        respondent_id, invitation_id, event_id, kind, rating, comment, callback_requested, responded_at, offset_minutes, team, agent, channel,
        product, touchpoint, attributes, inclusion_probability, probability_stated, is_manual, received_at, follow_up_id
        """;

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<string>?> FindStoredTextAsync(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        IReadOnlyList<string> found = [.. Directory.EnumerateFiles(_folder)
            .Where(file => ReadShared(file).AsSpan().IndexOf(needle) >= 0).Select(Path.GetFileName).OfType<string>()];
        return Task.FromResult<IReadOnlyList<string>?>(found);
    }

    // The store keeps its pooled connections open, so the files are read as another process would, sharing them.
    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves a temporary folder behind.
        }
    }
}
