using System.Net;
using Npgsql;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The sample started while its PostgreSQL database is unreachable: it listens, <c>/healthz/live</c> answers 200,
/// <c>/healthz/ready</c> 503 while it retries (and logs why), and it becomes ready once the database appears, never
/// crashing. The database "appears" when a loopback proxy in front of the test cluster starts forwarding.
/// </summary>
public sealed class StoreDownAtStartTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_PostgreSqlUnreachable_LiveReadyIs503ThenReadyWhenTheDatabaseAppears()
    {
        var server = Environment.GetEnvironmentVariable("NPS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") is "true" or "1", "NPS_TEST_POSTGRES is not set in CI (.ci/postgres.sh).");
            Assert.Skip("NPS_TEST_POSTGRES is not set: eval \"$(.ci/postgres.sh start)\" to run this test.");
        }

        var database = $"nps_ready_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(Token);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(Token);
        }

        try
        {
            var real = new NpgsqlConnectionStringBuilder(server);
            await using var proxy = new LoopbackProxy();
            var viaProxy = new NpgsqlConnectionStringBuilder(server) { Host = "127.0.0.1", Port = proxy.Port, Database = database, Timeout = 5 };
            using var sample = SampleProcess.Start(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Nps__Store"] = "postgresql",
                ["ConnectionStrings__Nps"] = viaProxy.ConnectionString,
                ["Nps__SeedFile"] = "",
            });

            var address = await sample.ListeningAsync(Token);
            using var client = new HttpClient { BaseAddress = address };
            await sample.UntilAsync(() => sample.Output.Contains("Opening the stores failed", StringComparison.Ordinal) && proxy.Dropped > 0, "a retry logged", Token);

            using (var live = await client.GetAsync("/healthz/live", Token))
            using (var ready = await client.GetAsync("/healthz/ready", Token))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            proxy.Forward(new IPEndPoint(IPAddress.Parse(real.Host!), real.Port));
            await sample.ReadyAsync(Token);

            Assert.False(sample.Process.HasExited);
            using var touchpoint = new HttpRequestMessage(HttpMethod.Post, "/api/touchpoints") { Content = Api.Json(Api.Touchpoint("C1", "E1")) };
            touchpoint.Headers.Add("X-Api-Key", "survey-dev-key");
            using var decided = await client.SendAsync(touchpoint, Token);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            Assert.Contains("The stores are open", sample.Output, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(Token);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(Token);
        }
    }
}
