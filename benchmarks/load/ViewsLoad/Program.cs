using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Nps;
using Nps.PostgreSql;
using Nps.PostgreSql.Reporting;
using Nps.Segmentation;
using Nps.Sqlite;
using Nps.Sqlite.Reporting;

// The analyst views over HTTP, on the built web sample (Release, a child process in Production with the kit's key), on
// loopback: seed N stored responses (ViewsSeed, as --views-quick and run.sh) into SQLite and PostgreSQL, start the
// sample on the store and wait for /healthz/ready, then per route alone 1 and 8 clients for a fixed time (p50, p99,
// requests/s, status counts), then 8 clients over all the heavy routes at once for a fixed time while the sample's
// RSS is sampled from /proc and a separate client probes /healthz/live. Prints Markdown tables; exits 1 on any answer
// other than 2xx or the concurrency limiter's 503 with Retry-After, on a request that fails, or on rollups that
// differ from the raw GROUP BY.
// Usage: dotnet build -c Release samples/Nps.Samples.AspNet
//   dotnet run -c Release --project benchmarks/load/ViewsLoad -- [counts, default 15000] [--stores sqlite,postgresql]
//   [--seconds 10: per route and client count] [--clients 1,8] [--concurrent-seconds 60] [--max-requests 100000]
//   [--reuse: keep the seeded stores (artifacts/load/views-N.db, schema nps_views_load_N) and use them again when they hold N]
//   [--sample samples/Nps.Samples.AspNet/bin/Release/net10.0/Nps.Samples.AspNet.dll] [--data artifacts/load]
var options = ViewsLoadOptions.Parse(args);
var root = RepositoryRoot();
var sample = Path.GetFullPath(options.Sample ?? Path.Combine(root, "samples/Nps.Samples.AspNet/bin/Release/net10.0/Nps.Samples.AspNet.dll"));
if (!File.Exists(sample))
{
    Console.Error.WriteLine($"The web sample is not built: {sample}. Run: dotnet build -c Release samples/Nps.Samples.AspNet");
    return 2;
}

var data = Path.GetFullPath(options.Data ?? Path.Combine(root, "artifacts/load"));
Directory.CreateDirectory(data);
var server = Environment.GetEnvironmentVariable("NPS_TEST_POSTGRES");
var stores = options.Stores.Where(s => s != "postgresql" || server is not null).ToArray();
if (stores.Length < options.Stores.Length) Console.WriteLine("PostgreSQL skipped: NPS_TEST_POSTGRES is not set (eval \"$(.ci/postgres.sh start)\").");

// The ambitions of --views-quick: two teams and an agent, baselines in the first half of 2025.
var ambitions = Path.Combine(data, "views-ambitions.json");
await File.WriteAllTextAsync(ambitions, """
    { "ambitions": [
      { "dimension": "team", "value": "team-1", "target": 30, "by": "2026-12-31", "baseline": { "from": "2025-01-01", "to": "2025-03-31" } },
      { "dimension": "team", "value": "team-2", "target": 30, "by": "2026-12-31", "baseline": { "from": "2025-01-01", "to": "2025-03-31" } },
      { "dimension": "agent", "value": "agent-7", "target": 30, "by": "2026-12-31", "baseline": { "from": "2025-04-01", "to": "2025-06-30" } }
    ] }
    """);
(string Name, string Path)[] routes =
[
    ("report by=team,agent", "/api/reports/nps?by=team,agent&period=month"),
    ("coaching", "/api/insights/coaching"),
    ("huddle", "/api/huddle?team=team-3&week=2026-W13"),
    ("ambitions", "/api/ambitions?asOf=2026-10-31&windowDays=90"),
    ("themes", "/api/insights/themes"),
];

var single = new List<string>();
var concurrent = new List<string>();
var failed = false;
foreach (var store in stores)
{
    foreach (var count in options.Counts)
    {
        var seeding = Stopwatch.StartNew();
        var (connectionString, seeded) = store == "sqlite"
            ? await Seeding.SqliteAsync(Path.Combine(data, $"views-{count}.db"), count, options.Reuse)
            : await Seeding.PostgresAsync(server!, $"nps_views_load_{count}", count, options.Reuse);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store}, {count:N0} responses: {(seeded ? "seeded and checked" : "reused")} in {seeding.Elapsed.TotalSeconds:0.0} s; load average {LoadAverage()}"));
        try
        {
            await using var host = await SampleHost.StartAsync(sample, new Dictionary<string, string>
            {
                // Production, as deployed, with the kit's analyst key; the per-key rate limit out of the way (every
                // request comes from one key), the report body cache off so every report counts in the store.
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Nps__SamplingKey"] = "bnBzLWNvcmUtbG9hZC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==",
                ["Nps__Store"] = store, ["ConnectionStrings__Nps"] = connectionString, ["Nps__AmbitionsFile"] = ambitions,
                ["Authentication__ApiKeys__0__Name"] = "load", ["Authentication__ApiKeys__0__Role"] = "analyst", ["Authentication__ApiKeys__0__Key"] = Key.Analyst,
                ["RateLimiting__PermitLimit"] = "1000000000", ["ReportCache__MaxBytes"] = "0", ["Logging__LogLevel__Default"] = "Warning",
            }, TimeSpan.FromMinutes(5));
            var pid = host.Process!.Id;
            var atReady = Memory.Read(pid);
            foreach (var (name, path) in routes)
            {
                using var warm = Latencies.Client(host.Address, 1, options.RequestTimeout);
                var first = await Requests.SendAsync(warm, path);
                failed |= !first.Acceptable;
                foreach (var clients in options.Clients)
                {
                    var run = await Requests.RunAsync(host.Address, clients, [path], options.Seconds, options.MaxRequests, options.RequestTimeout);
                    failed |= !run.Acceptable;
                    var row = string.Create(CultureInfo.InvariantCulture,
                        $"| {Store(store)} | {count:N0} | {name} | {clients} | {first.Milliseconds:N0} | {run.Percentile(0.50):N1} | {run.Percentile(0.99):N1} | {run.PerSecond:N1} | {run.Statuses} |");
                    Console.WriteLine(row);
                    single.Add(row);
                }
            }

            // Every heavy route at once from 8 clients (each client walks the routes in turn, from its own first one),
            // the sample's memory sampled and /healthz/live probed by a client of its own.
            var before = Memory.Read(pid);
            using var stop = new CancellationTokenSource();
            var sampler = Memory.SampleAsync(pid, stop.Token);
            var live = Requests.ProbeAsync(host.Address, "/healthz/live", stop.Token);
            var all = await Requests.RunAsync(host.Address, 8, [.. routes.Select(r => r.Path)], options.ConcurrentSeconds, options.MaxRequests, options.RequestTimeout);
            await stop.CancelAsync();
            var peak = await sampler;
            var probe = await live;
            var after = Memory.Read(pid);
            failed |= !all.Acceptable || !probe.Acceptable;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {Store(store)} | {count:N0} | {options.ConcurrentSeconds:0} s | {all.Count:N0} | {all.Statuses} | {atReady.Rss:N0} | {before.Rss:N0} | {peak:N0} | {peak - before.Rss:N0} | {after.Hwm:N0} | {probe.Count:N0} | {probe.Percentile(0.50):N1} | {probe.Percentile(0.99):N1} | {probe.Max:N1} |");
            Console.WriteLine(line + " load average " + LoadAverage());
            concurrent.Add(line);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (!options.Reuse) Seeding.Remove(store, server, data, count);
        }
    }
}

Console.WriteLine();
Console.WriteLine($"Load average at the end: {LoadAverage()}; {Environment.ProcessorCount} cores.");
Console.WriteLine();
Console.WriteLine("| Store | Responses | Route | Clients | First ms | p50 ms | p99 ms | Requests/s | Statuses |");
Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---|");
foreach (var row in single) Console.WriteLine(row);
Console.WriteLine();
Console.WriteLine("| Store | Responses | 8 clients, all heavy routes | Requests | Statuses | RSS at ready MB | RSS before MB | RSS peak MB | Growth MB | VmHWM MB | /healthz/live probes | live p50 ms | live p99 ms | live max ms |");
Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var row in concurrent) Console.WriteLine(row);
return failed ? 1 : 0;

static string Store(string store) => store == "sqlite" ? "SQLite" : "PostgreSQL";

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

// The folder holding Nps.Core.sln, from the working directory up.
static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Nps.Core.sln"))) return folder.FullName;
    }

    return Directory.GetCurrentDirectory();
}

/// <summary>The kit's analyst key (the sample's <c>X-Api-Key</c>).</summary>
static class Key
{
    public const string Analyst = "load-kit-analyst-key-0123456789abcdef";
}

/// <summary>Seeds (or finds seeded) stores of N responses, and checks the rollups against the raw <c>GROUP BY</c>.</summary>
static class Seeding
{
    /// <summary>
    /// SQLite: the store's schema (opened through the store), then in one transaction the row trigger that keeps the
    /// rollups set aside, the responses inserted in one statement, the trigger put back as it was, and the rollups
    /// rebuilt by the store's own statements (one grouped statement per dimension and span).
    /// </summary>
    public static async Task<(string ConnectionString, bool Seeded)> SqliteAsync(string file, int count, bool reuse)
    {
        var connectionString = $"Data Source={file}";
        if (reuse && File.Exists(file) && await SqliteCountAsync(connectionString) == count) return (connectionString, false);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        var stores = new SqliteNpsStores(connectionString);
        await using (var connection = await stores.Database.OpenAsync())
        {
            await using (var cache = connection.CreateCommand())
            {
                // The indexes by id and by respondent take their inserts out of order: a page cache that holds them
                // (this connection only) instead of SQLite's 2 MB.
                cache.CommandText = "PRAGMA cache_size = -524288";
                await cache.ExecuteNonQueryAsync();
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'nps_response_days_insert'";
            var trigger = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = $"DROP TRIGGER nps_response_days_insert;\n{ViewsSeed.Sqlite(count)}\n{trigger};\n{SqliteRollupSchema.Rebuild()}";
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            command.Transaction = null;
            connection.CreateFunction("nps_id_hash", (string id) => Nps.FollowUp.FollowUpListPosition.IdHashOf(id), isDeterministic: true);
            command.CommandText = $"BEGIN;\n{ViewsSeed.SqliteFollowUps()}\nCOMMIT;";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "ANALYZE";
            await command.ExecuteNonQueryAsync();
        }

        await CheckAsync("SQLite", new SqliteResponseCounter(stores.Database, useRollups: false), new SqliteResponseCounter(stores.Database));
        return (connectionString, true);
    }

    /// <summary>PostgreSQL: a schema of its own, migrated by the store, then one insert (its statement triggers keep the rollups).</summary>
    public static async Task<(string ConnectionString, bool Seeded)> PostgresAsync(string server, string schema, int count, bool reuse)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, CommandTimeout = 1800 }.ToString();
        if (reuse && await PostgresCountAsync(server, schema) == count) return (connectionString, false);
        await SqlAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
        await using var database = new PostgreSqlNpsDatabase(connectionString);
        await database.MigrateAsync();
        foreach (var sql in new[] { ViewsSeed.Postgres(count), ViewsSeed.PostgresFollowUps(), "VACUUM ANALYZE nps_responses", "VACUUM ANALYZE nps_response_days", "VACUUM ANALYZE nps_follow_ups" })
        {
            await using var command = database.DataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }

        await CheckAsync("PostgreSQL", new PostgreSqlResponseCounter(database, useRollups: false), new PostgreSqlResponseCounter(database));
        return (connectionString, true);
    }

    /// <summary>The seeded file or schema removed (without --reuse).</summary>
    public static void Remove(string store, string? server, string data, int count)
    {
        if (store == "sqlite")
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path.Combine(data, $"views-{count}.db") + suffix);
        }
        else
        {
            SqlAsync(server!, $"DROP SCHEMA IF EXISTS nps_views_load_{count} CASCADE").GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// The rollups equal the raw <c>GROUP BY</c> of the responses: the store's report from its rollups and from the raw
    /// rows, by team per day, by agent per week and by team and agent per month (the views' dimensions and spans).
    /// </summary>
    private static async Task CheckAsync(string store, INpsCountSource raw, INpsCountSource rollups)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        foreach (var (dimensions, period) in new (string[], Period)[] { (["team"], Period.Day), (["agent"], Period.Week), (["team", "agent"], Period.Month) })
        {
            var report = new NpsReportOptions { Dimensions = dimensions, Period = period, TimeZone = zone };
            var expected = Summary(await raw.BuildReportAsync(report));
            if (expected != Summary(await rollups.BuildReportAsync(report)))
            {
                throw new InvalidOperationException($"{store}: the rollups by {string.Join(',', dimensions)} per {period} differ from the raw GROUP BY.");
            }
        }
    }

    private static string Summary(NpsReport report) =>
        string.Join('\n', report.Cells.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Period?.Label} {string.Join('|', c.Dimensions.Values)} {c.Distribution.Count} {c.Distribution.Score:F6} {c.ManualSends}")).Order(StringComparer.Ordinal));

    private static async Task<long> SqliteCountAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM nps_responses";
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return -1; // not a seeded store
        }
    }

    private static async Task<long> PostgresCountAsync(string server, string schema)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", schema + ".nps_responses");
        if (!(bool)(await exists.ExecuteScalarAsync())!) return -1;
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {schema}.nps_responses", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task SqlAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The sample's resident memory from <c>/proc/{pid}/status</c>, in MB.</summary>
static class Memory
{
    public static (double Rss, double Hwm) Read(int pid)
    {
        double rss = double.NaN, hwm = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Megabytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Megabytes(line);
        }

        return (rss, hwm);
    }

    /// <summary>The largest RSS seen, sampled every 100 ms until <paramref name="stop"/>.</summary>
    public static async Task<double> SampleAsync(int pid, CancellationToken stop)
    {
        var peak = Read(pid).Rss;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) peak = Math.Max(peak, Read(pid).Rss);
        }
        catch (OperationCanceledException)
        {
        }

        return Math.Max(peak, Read(pid).Rss);
    }

    // "VmRSS:	  123456 kB"
    private static double Megabytes(string line) =>
        long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
}

/// <summary>One answer: its time and status, and whether the kit accepts it (2xx, or the limiter's 503 with Retry-After).</summary>
readonly record struct Answer(double Milliseconds, int Status, bool Acceptable);

/// <summary>The answers of one run.</summary>
sealed class Run(List<Answer> answers, TimeSpan elapsed)
{
    private readonly double[] sorted = [.. answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.Milliseconds).Order()];

    public int Count => answers.Count;

    public bool Acceptable => answers.Count > 0 && answers.All(a => a.Acceptable);

    public double PerSecond => answers.Count(a => a.Status is >= 200 and < 300) / elapsed.TotalSeconds;

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    /// <summary>A percentile of the 2xx answers' times.</summary>
    public double Percentile(double q) => Latencies.Percentile(sorted, q);

    /// <summary>Counts by status: 2xx, 429, 503 (with Retry-After), anything else (a failed request is status 0).</summary>
    public string Statuses
    {
        get
        {
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"2xx {answers.Count(a => a.Status is >= 200 and < 300)}"));
            foreach (var status in new[] { 429, 503 })
            {
                var n = answers.Count(a => a.Status == status);
                if (n > 0) text.Append(CultureInfo.InvariantCulture, $", {status} {n}");
            }

            var other = answers.Where(a => a.Status is not (>= 200 and < 300) and not 429 and not 503).GroupBy(a => a.Status).OrderBy(g => g.Key);
            foreach (var group in other) text.Append(CultureInfo.InvariantCulture, $", {(group.Key == 0 ? "failed" : group.Key.ToString(CultureInfo.InvariantCulture))} {group.Count()}");
            return text.ToString();
        }
    }
}

/// <summary>Requests with the kit's analyst key: one, a timed run of N clients, and the health probe.</summary>
static class Requests
{
    public static async Task<Answer> SendAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", Key.Analyst);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.CopyToAsync(Stream.Null);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var status = (int)response.StatusCode;
            var limited = response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null;
            if (status is not (>= 200 and < 300) && !limited) Console.WriteLine($"  {path}: {status}");
            return new Answer(ms, status, status is >= 200 and < 300 || limited);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"  {path}: {e.GetType().Name} {e.Message}");
            return new Answer(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0, false);
        }
    }

    /// <summary>
    /// <paramref name="clients"/> clients, each sending its next path as soon as its last answer is read, until the
    /// time is up (a request under way is finished) or <paramref name="maxRequests"/> are sent in all.
    /// </summary>
    public static async Task<Run> RunAsync(string address, int clients, string[] paths, double seconds, int maxRequests, TimeSpan timeout)
    {
        using var http = Latencies.Client(address, clients, timeout);
        var answers = new List<Answer>[clients];
        var perClient = Math.Max(1, maxRequests / clients);
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = answers[c] = new List<Answer>();
            for (var r = 0; r < perClient && Stopwatch.GetTimestamp() < until; r++) mine.Add(await SendAsync(http, paths[(c + r) % paths.Length]));
        })));
        return new Run([.. answers.SelectMany(a => a)], clock.Elapsed);
    }

    /// <summary>GET <paramref name="path"/> every 100 ms (no key: the health routes are anonymous) until <paramref name="stop"/>.</summary>
    public static async Task<Run> ProbeAsync(string address, string path, CancellationToken stop)
    {
        using var http = Latencies.Client(address, 1, TimeSpan.FromSeconds(60));
        var answers = new List<Answer>();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) answers.Add(await SendAsync(http, path));
        }
        catch (OperationCanceledException)
        {
        }

        return new Run(answers, clock.Elapsed);
    }
}

/// <summary>The command line.</summary>
sealed record ViewsLoadOptions(int[] Counts, string[] Stores, double Seconds, int[] Clients, double ConcurrentSeconds, int MaxRequests, bool Reuse,
    string? Sample, string? Data, TimeSpan RequestTimeout)
{
    public static ViewsLoadOptions Parse(string[] args)
    {
        var counts = new List<int>();
        string[] stores = ["sqlite", "postgresql"];
        var seconds = 10.0;
        int[] clients = [1, 8];
        var concurrent = 60.0;
        var max = 100_000;
        var reuse = false;
        string? sample = null, data = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stores": stores = args[++i].Split(','); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--clients": clients = [.. args[++i].Split(',').Select(Int)]; break;
                case "--concurrent-seconds": concurrent = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--max-requests": max = Int(args[++i]); break;
                case "--reuse": reuse = true; break;
                case "--sample": sample = args[++i]; break;
                case "--data": data = args[++i]; break;
                default: counts.Add(Int(args[i])); break;
            }
        }

        return new([.. counts.DefaultIfEmpty(15_000)], stores, seconds, clients, concurrent, max, reuse, sample, data, TimeSpan.FromMinutes(5));
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
