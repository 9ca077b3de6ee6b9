using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Nps.AspNetCore.Hosting;
using Nps.Intake;
using Nps.PostgreSql;
using Nps.Stores.Tests.PostgreSql;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The background theme matcher is woken where comments are written, not by the routes: a host's own code writing
/// through the store (SQLite: in process), and another instance writing to the same PostgreSQL schema
/// (<c>LISTEN</c>/<c>NOTIFY</c>), also after the server dropped the listening connection. The host's clock is a fake
/// that stands still (or, where the backoff must run, the fallback pass is an hour away), so the once-a-minute fallback
/// never runs in these tests: only a wake can match the comment, and without one the generous bound fails the test.
/// </summary>
public sealed class ThemeWakeTests
{
    /// <summary>Far beyond a pass on a loaded machine; a bound for a failing test, never a speed target.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_HostCodeThroughTheSqliteStore_WakesTheMatcher()
    {
        var events = new LoggedEvents();
        using var database = new TempDatabase();
        using var factory = new NpsApiFactory(database.Path, builder => Capture(builder, events));
        var matching = await ListeningAsync(factory, events);

        var (_, added) = await factory.Services.GetRequiredService<IResponseStore>().AddAsync(Commented("W1"), null, null, Token);

        Assert.True(added);
        await events.WhenLoggedAsync(2300).WaitAsync(Bound, Token); // ThemeCommentsMatched
        Assert.Equal(0, matching.Pending);
    }

    [Fact]
    public async Task AddAsync_OtherInstanceOnTheSamePostgreSqlSchema_WakesThisInstanceThroughNotify()
    {
        var (connectionString, drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        try
        {
            var events = new LoggedEvents();
            using var database = new TempDatabase();
            using (var factory = new NpsApiFactory(database.Path, builder => OnPostgreSql(builder, connectionString, events)))
            {
                var matching = await ListeningAsync(factory, events);

                // Another instance: its own pool on the schema, and no matcher of its own.
                await using (var other = await PostgreSqlNpsStores.OpenAsync(connectionString, Token))
                {
                    var (_, added) = await other.Responses.AddAsync(Commented("N1"), null, null, Token);
                    Assert.True(added);
                }

                await events.WhenLoggedAsync(2300).WaitAsync(Bound, Token); // this instance's matcher matched the other's comment
                Assert.Equal(0, matching.Pending);
            }
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task Listen_ConnectionTerminatedByTheServer_ListensAgainAfterABackoffAndHearsTheNextWrite()
    {
        var server = await PostgreSqlTestServer.RequireAsync();
        var databaseName = $"nps_listen_{Guid.NewGuid():N}"; // a database of its own: only this host's listener is terminated
        await ExecuteAsync(server, $"CREATE DATABASE {databaseName}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
            var events = new LoggedEvents();
            using var database = new TempDatabase();
            using (var factory = new NpsApiFactory(database.Path, builder =>
            {
                OnPostgreSql(builder, connectionString, events);

                // The real clock, so the listening's backoff (1 s) runs; the fallback pass an hour away, so only a wake matches.
                builder.ConfigureTestServices(services => services.AddSingleton(TimeProvider.System)
                    .AddSingleton(new NpsThemeMatching { FallbackInterval = TimeSpan.FromHours(1) }));
            }))
            {
                await ListeningAsync(factory, events);

                await ExecuteAsync(connectionString,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()");
                await events.WhenLoggedAsync(2304).WaitAsync(Bound, Token); // ThemeListenFailed
                var matching = await ListeningAsync(factory, events, nth: 2);

                await using (var other = await PostgreSqlNpsStores.OpenAsync(connectionString, Token))
                {
                    Assert.True((await other.Responses.AddAsync(Commented("L1"), null, null, Token)).Added);
                }

                await events.WhenLoggedAsync(2300).WaitAsync(Bound, Token); // heard on the new listening connection
                Assert.Equal(0, matching.Pending);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    private static void OnPostgreSql(IWebHostBuilder builder, string connectionString, LoggedEvents events)
    {
        builder.UseSetting("Nps:Store", "postgresql");
        builder.UseSetting("ConnectionStrings:Nps", connectionString);
        Capture(builder, events);
    }

    private static void Capture(IWebHostBuilder builder, LoggedEvents events)
    {
        builder.UseSetting("Logging:LogLevel:Nps.AspNetCore.Hosting.NpsThemeMatcherService", "Debug");
        builder.ConfigureLogging(logging => logging.AddProvider(events));
    }

    /// <summary>
    /// Waits until the matcher listens (event 2305) and a pass that began after that found the counts current (the
    /// taxonomy's counts exist, so the store queues new comments): from then on only a wake runs a pass.
    /// </summary>
    private static async Task<NpsThemeMatching> ListeningAsync(NpsApiFactory factory, LoggedEvents events, int nth = 1)
    {
        var matching = factory.Services.GetRequiredService<NpsThemeMatching>();
        await events.WhenLoggedAsync(2305, nth).WaitAsync(Bound, Token); // ThemeListening
        // Twice: the first may be answered by the start's pass while the wake of listening is still queued; the
        // second is answered by the pass that takes it, so no wake is left over.
        await matching.WhenCurrentAsync(Token).WaitAsync(Bound, Token);
        await matching.WhenCurrentAsync(Token).WaitAsync(Bound, Token);
        Assert.False(events.WhenLoggedAsync(2300).IsCompleted); // a fresh store: nothing matched yet
        return matching;
    }

    private static StoredResponse Commented(string id) => new()
    {
        Response = new SurveyResponse
        {
            ResponseId = id, RespondentId = "C-" + id, Rating = NpsRating.From(9), RespondedAt = NpsApiFactory.Now.AddHours(-2), Team = "Billing",
            Comment = "Snel geholpen",
        },
        ReceivedAt = NpsApiFactory.Now,
    };
}
