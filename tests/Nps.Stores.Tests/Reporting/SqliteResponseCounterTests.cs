using Microsoft.Data.Sqlite;
using Nps.Intake;
using Nps.Reporting;
using Nps.Segmentation;
using Nps.Sqlite;
using Nps.Sqlite.Reporting;

namespace Nps.Stores.Tests.Reporting;

/// <summary>Reports counted by SQLite (offsets and periods as <c>CASE</c> trees) equal the in-memory builder.</summary>
public sealed class SqliteResponseCounterTests : ResponseCounterTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nps-sqlite-count-").FullName;

    private SqliteNpsStores? _stores;

    /// <inheritdoc/>
    protected override Nps.Privacy.IRetentionStore Retention() => _stores!.Retention;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "nps.db")}";

    /// <inheritdoc/>
    protected override Task<(IResponseStore Store, Func<CounterMode, INpsCountSource> Counter)> OpenAsync()
    {
        var stores = _stores = new SqliteNpsStores(ConnectionString);
        return Task.FromResult<(IResponseStore, Func<CounterMode, INpsCountSource>)>((stores.Responses, mode => new SqliteResponseCounter(stores.Database, mode switch
        {
            CounterMode.Auto => RollupUse.Auto,
            CounterMode.Rollups => RollupUse.Always,
            _ => RollupUse.Never,
        })));
    }

    private const string DropRollups = """
        DROP TRIGGER nps_response_days_insert; DROP TRIGGER nps_response_days_delete; DROP TRIGGER nps_response_days_update;
        DROP TABLE nps_response_days;

        """;

    /// <inheritdoc/>
    protected override Task RemoveRollupsAndMigrateAsync() => DowngradeAndMigrate(DropRollups + SqliteNpsDatabaseTests.DropOutbox + "PRAGMA user_version = 2;");

    /// <inheritdoc/>
    protected override Task RemoveMonthRowsAndMigrateAsync() =>
        DowngradeAndMigrate(DropRollups + SqliteRollupSchema.Create() + SqliteNpsDatabaseTests.DropOutbox + "PRAGMA user_version = 3;"); // schema 3 as shipped: days and weeks

    /// <inheritdoc/>
    protected override Task RemoveUnsolicitedKeyAndMigrateAsync() => // schema 7 as shipped: keyed by the manual flag alone
        DowngradeAndMigrate(DropRollups + SqliteRollupSchema.Create() + SqliteRollupSchema.AddMonths() + SqliteRollupSchema.AddTeamAgentPairs() + SqliteNpsDatabaseTests.DropRetention + "PRAGMA user_version = 7;");

    /// <inheritdoc/>
    protected override bool DowngradeKeepsProvenance => false;

    /// <inheritdoc/>
    protected override Task ExecuteAsync(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private Task DowngradeAndMigrate(string sql)
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var downgrade = connection.CreateCommand();
            downgrade.CommandText = sql;
            downgrade.ExecuteNonQuery();
        }

        _ = new SqliteNpsDatabase(ConnectionString);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Open_DatabaseOfSchema3_MonthRowsEqualTheirDayRows()
    {
        var (store, _) = await OpenAsync();
        // All solicited: the downgrade before schema 6 forgets provenance, which would merge rows.
        foreach (var response in SpreadResponses(seed: 6, count: 300)) await store.AddAsync(new StoredResponse { Response = response with { Provenance = ResponseProvenance.Solicited } }, null, null, Cancel);
        var before = MonthRows();

        await RemoveMonthRowsAndMigrateAsync();

        Assert.NotEmpty(before);
        Assert.Equal(before, MonthRows());
        Assert.Equal(0L, Scalar($"SELECT count(*) FROM nps_response_days WHERE span = {UtcDayPlan.MonthSpan} AND utc_day NOT IN "
            + "(SELECT CAST(julianday(utc_day + 1721425.5, 'start of month') - 1721425.5 AS INTEGER) FROM nps_response_days WHERE span = 1)"));

        List<string> MonthRows()
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var read = connection.CreateCommand();
            read.CommandText = $"SELECT dimension || '|' || utc_day || '|' || value || '|' || manual || '|' || {string.Join(" || ',' || ", UtcDayPlan.WideNames.Take(UtcDayPlan.Ratings))} "
                + $"FROM nps_response_days WHERE span = {UtcDayPlan.MonthSpan} ORDER BY 1";
            using var rows = read.ExecuteReader();
            var list = new List<string>();
            while (rows.Read()) list.Add(rows.GetString(0));
            return list;
        }
    }

    [Fact]
    public async Task Rebuild_AfterInsertsWithoutTheRowTrigger_EqualsTheRowsTheTriggersKept()
    {
        var (store, _) = await OpenAsync();
        foreach (var response in SpreadResponses(seed: 21, count: 300)) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var kept = AllRows();
        var trigger = (string)Scalar("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'nps_response_days_insert'")!;

        // The bulk load's way: the rows copied in again with the row trigger set aside, then the rollups rebuilt.
        await ExecuteAsync("""
            CREATE TEMP TABLE saved AS SELECT * FROM nps_responses;
            DROP TRIGGER nps_response_days_insert;
            DELETE FROM nps_responses;
            INSERT INTO nps_responses SELECT * FROM temp.saved;

            """ + trigger + ";\n" + SqliteRollupSchema.Rebuild());

        Assert.NotEmpty(kept);
        Assert.Equal(kept, AllRows());

        List<string> AllRows()
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var read = connection.CreateCommand();
            read.CommandText = $"SELECT dimension || '|' || span || '|' || utc_day || '|' || has_value || '|' || value || '|' || manual || '|' || unsolicited || '|' || "
                // Weight sums added in another order may differ in their last bits: compared to 9 decimals.
                + $"{string.Join(" || ',' || ", UtcDayPlan.WideNames.Select(c => c[0] == 'c' ? c : $"round({c}, 9)"))} || '|' || min_p || '|' || max_p FROM nps_response_days ORDER BY 1";
            using var rows = read.ExecuteReader();
            var list = new List<string>();
            while (rows.Read()) list.Add(rows.GetString(0));
            return list;
        }
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Theory]
    [InlineData(CounterMode.Raw)]
    [InlineData(CounterMode.Rollups)]
    public async Task CountAsync_WhileReading_DoesNotHoldTheWriteLock(CounterMode mode)
    {
        var (store, counters) = await OpenAsync();
        foreach (var response in SpreadResponses(seed: 4, count: 200)) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Month, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };

        await using var rows = counters(mode).CountAsync(query, Cancel).GetAsyncEnumerator(Cancel);
        Assert.True(await rows.MoveNextAsync()); // the report's transaction is open here

        using var writer = new SqliteConnection(ConnectionString);
        writer.Open();
        using var write = writer.CreateCommand();
        write.CommandTimeout = 1; // a held write lock would fail this with "database is locked" after a second
        write.CommandText = "BEGIN IMMEDIATE; COMMIT;";
        write.ExecuteNonQuery();
        while (await rows.MoveNextAsync()) { }
    }

    [Fact]
    public async Task Delete_ResponsesRemovedBySql_RollupsSubtractAndDropEmptyRows()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 9, count: 300);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var change = connection.CreateCommand();
            change.CommandText = """
                DELETE FROM nps_responses WHERE seq % 3 = 0;
                UPDATE nps_responses SET rating = 10 - rating, team = 'moved' WHERE seq % 3 = 1;
                """;
            change.ExecuteNonQuery();
        }

        var query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Week, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
        var raw = await RowsAsync(counters(CounterMode.Raw), query);
        var rollups = await RowsAsync(counters(CounterMode.Rollups), query);
        Assert.Equal(raw.Select(Key), rollups.Select(Key));

        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM nps_responses; SELECT count(*) FROM nps_response_days;";
            Assert.Equal(0L, delete.ExecuteScalar());
        }

        static string Key(NpsCountRow r) => $"{r.Period!.Value.Label} {r.DimensionValues[0] ?? "(null)"} {r.Rating.Value} {r.IsManual} {r.Count}";
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
