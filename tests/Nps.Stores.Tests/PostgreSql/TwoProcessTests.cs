using System.Diagnostics;
using Npgsql;

namespace Nps.Stores.Tests.PostgreSql;

/// <summary>
/// Two OS processes (tests/Nps.Stores.RaceWorker), each with its own connection pool, race for the same customers
/// and events on one PostgreSQL database, in opposite orders, released together: the single decision per event, the
/// frequency cap of one invitation per customer and the shared quota hold across processes.
/// </summary>
public sealed class TwoProcessTests
{
    private const int Customers = 150;
    private const int Events = 3;
    private const int Quota = 40;

    [Fact]
    public async Task Decide_TwoProcessesRaceForTheSameCustomers_OneDecisionPerEventCapAndQuotaHold()
    {
        var (connectionString, drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        try
        {
            var workers = new[] { Start(connectionString, "forward"), Start(connectionString, "backward") };
            try
            {
                foreach (var worker in workers)
                {
                    var ready = await worker.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
                    if (ready != "ready") Assert.Fail($"worker said '{ready}': {await worker.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
                }

                foreach (var worker in workers)
                {
                    await worker.StandardInput.WriteLineAsync("go");
                    worker.StandardInput.Close();
                }

                var outputs = await Task.WhenAll(workers.Select(w => w.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                timeout.CancelAfter(TimeSpan.FromMinutes(3));
                foreach (var worker in workers)
                {
                    await worker.WaitForExitAsync(timeout.Token);
                    if (worker.ExitCode != 0) Assert.Fail(await worker.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
                }

                // Both processes saw the same decision for every event (one was first, the other got a replay).
                var byKey = outputs.Select(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray()).ToArray();
                Assert.Equal(Customers * Events, byKey[0].Length);
                Assert.Equal(byKey[0], byKey[1]);
            }
            finally
            {
                foreach (var worker in workers)
                {
                    if (!worker.HasExited) worker.Kill(entireProcessTree: true);
                    worker.Dispose();
                }
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Customers * Events, await ScalarAsync(connection, "SELECT count(*) FROM nps_decisions"));
            Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM (SELECT customer_id FROM nps_contacts GROUP BY customer_id HAVING count(*) > 1) AS over_cap"));
            Assert.Equal(Quota, await ScalarAsync(connection, "SELECT count(*) FROM nps_contacts"));
            Assert.Equal(Quota, await ScalarAsync(connection, "SELECT count(*) FROM nps_decisions WHERE outcome = 'invite'"));
            Assert.Equal(Quota, await ScalarAsync(connection, "SELECT coalesce(sum(used), 0) FROM nps_quota_counts"));
        }
        finally
        {
            await drop();
        }
    }

    private static Process Start(string connectionString, string order)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Nps.Stores.RaceWorker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { worker, connectionString, Customers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Events.ToString(System.Globalization.CultureInfo.InvariantCulture), Quota.ToString(System.Globalization.CultureInfo.InvariantCulture), order })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
