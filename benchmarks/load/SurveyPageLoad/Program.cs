using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Nps;
using Nps.AspNetCore;
using Nps.AspNetCore.Survey;
using Nps.Delivery;
using Nps.PostgreSql;
using Nps.Sampling;
using Nps.Sqlite;
using Nps.Touchpoints;

// GET /s/{token} (MapNpsSurvey, the response page) on loopback at each invitation count: seed N sent, open invitations
// into a fresh SQLite file (and a fresh PostgreSQL schema when NPS_TEST_POSTGRES is set), start a minimal host with the
// sample's pipeline for the page (AddNpsWeb, AddNps, the store, exception handler, status pages, rate limiter,
// MapNpsSurvey) on 127.0.0.1, then issue GETs of random valid tokens from 1 and 8 clients (no cookies, as a mail link
// opens), each run bounded by time and by count. Every answer must be 200 with the form; an unknown token must be 404.
// Usage: dotnet run -c Release --project benchmarks/load/SurveyPageLoad -- [counts, default 10000 1000000]
//   [--clients 1,8] [--seconds 10] [--max-requests 50000] [--stores sqlite,postgresql]
//   [--sample samples/Nps.Samples.AspNet/bin/Release/net10.0/Nps.Samples.AspNet.dll: the built web sample as the host instead,
//   a child process in Production with the kit's key, as deployed: API keys, the API's limiter, telemetry, every route]
var options = LoadOptions.Parse(args);
const string Key = "bnBzLWNvcmUtbG9hZC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==";
var tokens = SurveyTokens.DeriveFrom(Convert.FromBase64String(Key));
var server = Environment.GetEnvironmentVariable("NPS_TEST_POSTGRES");
var stores = options.Stores.Where(s => s != "postgresql" || server is not null).ToArray();
if (stores.Length < options.Stores.Length) Console.WriteLine("PostgreSQL skipped: NPS_TEST_POSTGRES is not set (eval \"$(.ci/postgres.sh start)\").");
var folder = Directory.CreateTempSubdirectory("nps-pageload-").FullName;
var failed = false;
try
{
    foreach (var store in stores)
    {
        foreach (var count in options.Counts)
        {
            var seed = Stopwatch.StartNew();
            string? schema = null;
            string connectionString;
            if (store == "sqlite")
            {
                connectionString = $"Data Source={Path.Combine(folder, $"nps-{count}.db")}";
                await SeedSqliteAsync(connectionString, count, tokens);
            }
            else
            {
                schema = "nps_pageload_" + Guid.NewGuid().ToString("N");
                await SqlAsync(server!, $"CREATE SCHEMA {schema}");
                connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, CommandTimeout = 600 }.ToString();
                await SeedPostgresAsync(connectionString, count, tokens);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}, {count:N0} invitations: seeded in {seed.Elapsed.TotalSeconds:0.0} s"));
            try
            {
                failed |= !await MeasureAsync(store, connectionString, count, tokens, options);
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                NpgsqlConnection.ClearAllPools();
                if (schema is not null) await SqlAsync(server!, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
            }
        }
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

return failed ? 1 : 0;

// The invitations as the decision makes them (SurveyInvitation.Create, the program's token hash), then sent: sent in
// the last ten days, expiring 14 days after sending, the next reminder three days after it.
static IEnumerable<SurveyInvitation> Invitations(int count, SurveyTokens tokens, DateTimeOffset now)
{
    for (var i = 0; i < count; i++)
    {
        var e = Touchpoint(i, now);
        var id = SurveyInvitation.IdFor(e.CustomerId, e.EventId);
        var sentAt = now.AddSeconds(-(i % 864_000));
        yield return SurveyInvitation.Create(e, sentAt, 1.0, i % 50 == 0, tokens.HashFor(id)) with
        {
            Status = InvitationStatus.Sent, SentAt = sentAt, ExpiresAt = sentAt.AddDays(14), DueAt = sentAt.AddDays(3),
        };
    }
}

static TouchpointEvent Touchpoint(int i, DateTimeOffset now) => new()
{
    CustomerId = "C" + i.ToString(CultureInfo.InvariantCulture), EventId = "E1", OccurredAt = now,
    Team = "team-" + (i % 12).ToString(CultureInfo.InvariantCulture), Agent = "agent-" + (i % 300).ToString(CultureInfo.InvariantCulture),
    Channel = i % 3 == 0 ? "phone" : "chat",
};

static string TokenOf(int i, SurveyTokens tokens) => tokens.Create(SurveyInvitation.IdFor("C" + i.ToString(CultureInfo.InvariantCulture), "E1"));

// The store's schema (opened through the store), then one transaction of prepared inserts of the store's columns.
static async Task SeedSqliteAsync(string connectionString, int count, SurveyTokens tokens)
{
    var stores = new SqliteNpsStores(connectionString);
    await using (var opened = await stores.Database.OpenAsync()) { }

    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = """
        INSERT INTO nps_invitations (invitation_id, customer_id, event_id, kind, team, agent, channel, product, touchpoint, attributes, time_zone_id,
            inclusion_probability, is_manual, scheduled_at, sent_at, expires_at, status, reminders, failure_reason, due_at, attempts, token_hash)
        VALUES ($id, $customer, $event, $kind, $team, $agent, $channel, NULL, NULL, NULL, NULL, $p, $manual, $scheduled, $sent, $expires, 'sent', 0, NULL,
            $due, 0, $hash)
        """;
    var names = new[] { "$id", "$customer", "$event", "$kind", "$team", "$agent", "$channel", "$p", "$manual", "$scheduled", "$sent", "$expires", "$due", "$hash" };
    var p = names.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
    insert.Prepare();
    foreach (var i in Invitations(count, tokens, DateTimeOffset.UtcNow))
    {
        object[] values =
        [
            i.Id, i.CustomerId, i.EventId, (int)i.Kind, i.Team!, i.Agent!, i.Channel!, i.InclusionProbability, i.IsManual, i.ScheduledAt.UtcTicks,
            i.SentAt!.Value.UtcTicks, i.ExpiresAt!.Value.UtcTicks, i.DueAt!.Value.UtcTicks, i.TokenHash.ToArray(),
        ];
        for (var k = 0; k < values.Length; k++) p[k].Value = values[k];
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}

// The store's schema (migrated by the store), then one binary COPY of the store's columns.
static async Task SeedPostgresAsync(string connectionString, int count, SurveyTokens tokens)
{
    await using (var opened = await PostgreSqlNpsStores.OpenAsync(connectionString)) { }

    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var copy = await connection.BeginBinaryImportAsync("""
        COPY nps_invitations (invitation_id, customer_id, event_id, kind, team, agent, channel, inclusion_probability, is_manual, scheduled_at,
            sent_at, expires_at, status, due_at, token_hash) FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var i in Invitations(count, tokens, DateTimeOffset.UtcNow))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(i.Id, NpgsqlDbType.Text);
            await copy.WriteAsync(i.CustomerId, NpgsqlDbType.Text);
            await copy.WriteAsync(i.EventId, NpgsqlDbType.Text);
            await copy.WriteAsync((short)i.Kind, NpgsqlDbType.Smallint);
            await copy.WriteAsync(i.Team!, NpgsqlDbType.Text);
            await copy.WriteAsync(i.Agent!, NpgsqlDbType.Text);
            await copy.WriteAsync(i.Channel!, NpgsqlDbType.Text);
            await copy.WriteAsync(i.InclusionProbability, NpgsqlDbType.Double);
            await copy.WriteAsync(i.IsManual, NpgsqlDbType.Boolean);
            await copy.WriteAsync(i.ScheduledAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(i.SentAt!.Value, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(i.ExpiresAt!.Value, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync("sent", NpgsqlDbType.Text);
            await copy.WriteAsync(i.DueAt!.Value, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(i.TokenHash.ToArray(), NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }

    // What autovacuum does after a bulk load, done at once so the first runs are not planned on empty statistics.
    await using var analyze = new NpgsqlCommand("ANALYZE nps_invitations", connection);
    await analyze.ExecuteNonQueryAsync();
}

static async Task SqlAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

// Production: no seed file, no development keys; the load kit's key so the seeded hashes are the sample's.
static Dictionary<string, string> SampleEnvironment(string store, string connectionString) => new()
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Nps__SamplingKey"] = Key, ["Nps__Store"] = store, ["ConnectionStrings__Nps"] = connectionString,
    ["Authentication__ApiKeys__0__Name"] = "load", ["Authentication__ApiKeys__0__Role"] = "analyst",
    ["Authentication__ApiKeys__0__Key"] = "load-kit-analyst-key-0123456789abcdef",
    ["Nps__Survey__RateLimit__PerAddress"] = "1000000000", ["Nps__Survey__RateLimit__PerToken"] = "1000000000",
};

static async Task<bool> MeasureAsync(string store, string connectionString, int count, SurveyTokens tokens, LoadOptions options)
{
    await using var host = options.Sample is { } sample ? await SampleHost.StartAsync(sample, SampleEnvironment(store, connectionString)) : await StartMinimalHostAsync(store, connectionString);
    var ok = true;
    var address = host.Address;
    var random = new Random(count);
    var pool = Enumerable.Range(0, 20_000).Select(_ => TokenOf(random.Next(count), tokens)).ToArray();
    using (var probe = Latencies.Client(address, 1))
    {
        using var unknown = await probe.GetAsync("/s/" + new string('A', SurveyTokens.TokenLength));
        if (unknown.StatusCode != HttpStatusCode.NotFound)
        {
            Console.WriteLine($"  an unknown token answered {(int)unknown.StatusCode}, not 404");
            ok = false;
        }

        // Warm-up: the first requests build the routes, the antiforgery keys and the connection pool.
        for (var i = 0; i < 200; i++) ok &= await GetAsync(probe, pool[i % pool.Length]) >= 0;
    }

    foreach (var clients in options.Clients)
    {
        using var http = Latencies.Client(address, clients);
        var latencies = new List<double>[clients];
        var errors = 0;
        var perClient = options.MaxRequests / clients;
        var until = Stopwatch.GetTimestamp() + (long)(options.Seconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(perClient);
            var next = new Random(c * 7919 + count);
            for (var r = 0; r < perClient && Stopwatch.GetTimestamp() < until; r++)
            {
                var ms = await GetAsync(http, pool[next.Next(pool.Length)]);
                if (ms < 0) Interlocked.Increment(ref errors);
                else mine.Add(ms);
            }
        })));
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        ok &= errors == 0 && all.Length > 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {clients} client(s): {all.Length:N0} requests in {clock.Elapsed.TotalSeconds:0.0} s = {all.Length / clock.Elapsed.TotalSeconds:0} requests/s; p50 {Latencies.Percentile(all, 0.50):0.00} ms, p95 {Latencies.Percentile(all, 0.95):0.00} ms, p99 {Latencies.Percentile(all, 0.99):0.00} ms{(errors > 0 ? $"; {errors} WRONG ANSWERS" : "")}"));
    }

    return ok;
}

// The library's page in a host of its own, with the sample's pipeline for it.
static async Task<SampleHost> StartMinimalHostAsync(string store, string connectionString)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    // The sample's log levels (appsettings.json), its console log on standard error so the figures stay readable.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Nps:SamplingKey"] = Key,
        ["Nps:Sampling:Policies:0:Name"] = "all",
        ["Nps:Sampling:Policies:0:Rate"] = "1",
        // Every client is 127.0.0.1: the per-address window would refuse the load, not measure the page.
        ["Nps:Survey:RateLimit:PerAddress"] = "1000000000",
        ["Nps:Survey:RateLimit:PerToken"] = "1000000000",
    });
    if (store == "sqlite") builder.Services.AddNpsSqlite(connectionString);
    else builder.Services.AddNpsPostgreSql(_ => connectionString);
    builder.Services.AddNpsWeb();
    builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
    builder.Services.AddProblemDetails();
    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseRateLimiter();
    app.MapNpsSurvey();
    await app.StartAsync();
    return new SampleHost(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(), app, null);
}

// Milliseconds for one page, or -1 when the answer is not the form.
static async Task<double> GetAsync(HttpClient http, string token)
{
    var start = Stopwatch.GetTimestamp();
    using var response = await http.GetAsync("/s/" + token);
    var body = await response.Content.ReadAsStringAsync();
    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    return response.StatusCode == HttpStatusCode.OK && body.Contains("name=\"score\"", StringComparison.Ordinal) ? elapsed : -1;
}

/// <summary>The command line: invitation counts, client counts, and the bounds of each run.</summary>
sealed record LoadOptions(int[] Counts, int[] Clients, double Seconds, int MaxRequests, string[] Stores, string? Sample)
{
    public static LoadOptions Parse(string[] args)
    {
        var counts = new List<int>();
        int[] clients = [1, 8];
        var seconds = 10.0;
        var max = 50_000;
        string[] stores = ["sqlite", "postgresql"];
        string? sample = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients": clients = [.. args[++i].Split(',').Select(Int)]; break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--max-requests": max = Int(args[++i]); break;
                case "--stores": stores = args[++i].Split(','); break;
                case "--sample": sample = args[++i]; break;
                default: counts.Add(Int(args[i])); break;
            }
        }

        return new(counts.Count > 0 ? [.. counts] : [10_000, 1_000_000], clients, seconds, max, stores, sample);
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
