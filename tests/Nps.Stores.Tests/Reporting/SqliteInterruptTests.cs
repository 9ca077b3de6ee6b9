using Microsoft.Data.Sqlite;
using Nps.Sqlite.Reporting;

namespace Nps.Stores.Tests.Reporting;

/// <summary>A SQLite count stops when its token fires, inside the statement, not after it.</summary>
public sealed class SqliteInterruptTests
{
    [Fact]
    public async Task ExecuteAsync_TokenFiresWhileTheStatementRuns_StatementInterruptedAsCancelled()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var started = new ManualResetEventSlim();
        connection.CreateFunction("started", () =>
        {
            started.Set();
            return 1L;
        });
        using var cancel = new CancellationTokenSource();
        await using var command = connection.CreateCommand();
        // About 10^12 steps inside the first step of the statement: only an interrupt ends it in a test's lifetime.
        command.CommandText = "WITH RECURSIVE c(x) AS (SELECT started() UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) FROM c";

        var run = Task.Run(async () =>
        {
            await using var registration = SqliteInterrupt.On(connection, cancel.Token);
            await using var reader = await SqliteInterrupt.ExecuteAsync(command, cancel.Token);
            return await SqliteInterrupt.ReadAsync(reader, cancel.Token);
        }, TestContext.Current.CancellationToken);
        Assert.True(started.Wait(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken), "the statement did not start");
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(SQLitePCL.raw.SQLITE_INTERRUPT, Assert.IsType<SqliteException>(error.InnerException).SqliteErrorCode);

        // The connection is usable afterwards.
        await using var next = connection.CreateCommand();
        next.CommandText = "SELECT 1";
        Assert.Equal(1L, await next.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
