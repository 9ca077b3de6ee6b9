using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Nps.PostgreSql;
using Nps.PostgreSql.Reporting;
using Nps.Segmentation;
using Nps.Sqlite;
using Nps.Sqlite.Reporting;

namespace Nps.Benchmarks;

/// <summary>
/// The store's own <see cref="INpsCountSource.CountAsync"/> for <c>by=team&amp;period=month</c> (what
/// <c>GET /api/reports/nps?by=team&amp;period=month</c> asks) over <see cref="Rows"/> stored responses seeded as
/// <c>benchmarks/load/run.sh</c> seeds them (two years, 12 teams, 300 agents, 2 % manual), in UTC and in
/// Europe/Amsterdam: the raw <c>GROUP BY</c> over every response (baseline) vs the daily rollups. SQLite always;
/// PostgreSQL when <c>NPS_TEST_POSTGRES</c> names a server (<c>eval "$(.ci/postgres.sh start)"</c>).
/// </summary>
[MemoryDiagnoser]
public class StoreCountBenchmarks
{
    private const string PostgresVariable = "NPS_TEST_POSTGRES";
    private string? _folder;
    private PostgreSqlNpsDatabase? _postgres;
    private INpsCountSource _raw = null!;
    private INpsCountSource _rollups = null!;
    private NpsCountQuery _query = null!;

    /// <summary>The stores to measure: SQLite, and PostgreSQL when a server is configured.</summary>
    public static IEnumerable<string> Stores =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? ["sqlite"] : ["sqlite", "postgresql"];

    /// <summary>The store.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    /// <summary>The report's time zone: UTC (every UTC day inside one month) or Amsterdam (a boundary day a month).</summary>
    [Params("UTC", "Europe/Amsterdam")]
    public string Zone { get; set; } = "UTC";

    /// <summary>Stored responses.</summary>
    public int Rows { get; set; } = 1_000_000;

    /// <summary>Seeds the store (and builds its rollups through the insert triggers).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Month, TimeZone = TimeZoneInfo.FindSystemTimeZoneById(Zone) };
        if (Store == "sqlite")
        {
            _folder = Directory.CreateTempSubdirectory("nps-store-bench-").FullName;
            var database = new SqliteNpsDatabase($"Data Source={Path.Combine(_folder, "nps.db")}");
            using var connection = database.OpenAsync().GetAwaiter().GetResult();
            using var seed = connection.CreateCommand();
            seed.CommandText = SqliteSeed(Rows);
            seed.ExecuteNonQuery();
            _raw = new SqliteResponseCounter(database, useRollups: false);
            _rollups = new SqliteResponseCounter(database);
            return;
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var schema = new NpgsqlCommand("DROP SCHEMA IF EXISTS nps_bench CASCADE; CREATE SCHEMA nps_bench", connection);
            schema.ExecuteNonQuery();
        }

        _postgres = new PostgreSqlNpsDatabase(new NpgsqlConnectionStringBuilder(server) { SearchPath = "nps_bench", CommandTimeout = 600 }.ToString());
        _postgres.MigrateAsync().GetAwaiter().GetResult();
        using (var seed = _postgres.DataSource.CreateCommand(PostgresSeed(Rows)))
        {
            seed.ExecuteNonQuery();
        }

        using (var analyze = _postgres.DataSource.CreateCommand("VACUUM ANALYZE nps_responses"))
        {
            analyze.ExecuteNonQuery();
        }

        using (var analyze = _postgres.DataSource.CreateCommand("VACUUM ANALYZE nps_response_days"))
        {
            analyze.ExecuteNonQuery();
        }

        _raw = new PostgreSqlResponseCounter(_postgres, useRollups: false);
        _rollups = new PostgreSqlResponseCounter(_postgres);
    }

    /// <summary>Removes the seeded data.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            using (var drop = _postgres.DataSource.CreateCommand("DROP SCHEMA nps_bench CASCADE"))
            {
                drop.ExecuteNonQuery();
            }

            _postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The raw <c>GROUP BY</c> over every stored response.</summary>
    /// <returns>The responses counted.</returns>
    [Benchmark(Baseline = true)]
    public long Raw() => Drain(_raw);

    /// <summary>The daily rollups, boundary days raw.</summary>
    /// <returns>The responses counted.</returns>
    [Benchmark]
    public long Rollups() => Drain(_rollups);

    private long Drain(INpsCountSource counter)
    {
        var total = 0L;
        var rows = counter.CountAsync(_query).GetAsyncEnumerator();
        try
        {
            while (rows.MoveNextAsync().AsTask().GetAwaiter().GetResult()) total += rows.Current.Count;
        }
        finally
        {
            rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return total;
    }

    /// <summary>
    /// <c>--store-quick N ROWS</c>: per store, the seeding time; per zone, raw and rollups timed with a stopwatch
    /// (N runs each, interleaved, medians), after checking that both count every response in the same rows.
    /// </summary>
    internal static int Quick(int runs, int rows)
    {
        var failed = false;
        foreach (var store in Stores)
        {
            var b = new StoreCountBenchmarks { Store = store, Rows = rows };
            var seeding = Stopwatch.StartNew();
            b.Setup();
            var seeded = seeding.Elapsed.TotalSeconds;
            foreach (var zone in new[] { "UTC", "Europe/Amsterdam", "Asia/Kolkata" })
            {
                b._query = b._query with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone) };
                var same = Fingerprint(b._raw, b._query) == Fingerprint(b._rollups, b._query) && b.Raw() == rows;
                failed |= !same;
                var times = new Dictionary<string, List<double>> { ["raw"] = [], ["rollups"] = [] };
                b.Raw();
                b.Rollups();
                for (var i = 0; i < runs; i++)
                {
                    foreach (var (name, run) in new (string, Func<long>)[] { ("raw", b.Raw), ("rollups", b.Rollups) })
                    {
                        var stopwatch = Stopwatch.StartNew();
                        run();
                        times[name].Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }

                double Median(string name) => times[name].Order().ElementAt(times[name].Count / 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{store,-10} {zone,-16} {rows:N0} rows, seeded in {seeded:F1} s; rows {(same ? "equal" : "DIFFER")}; raw median {Median("raw"),8:F1} ms; rollups median {Median("rollups"),7:F1} ms (min {times["rollups"].Min(),6:F1}); rollups / raw = {Median("rollups") / Median("raw"):F3}"));
            }

            b.Cleanup();
        }

        return failed ? 1 : 0;
    }

    /// <summary>The smoke run's check: on SQLite at 20,000 rows, in UTC and Amsterdam, both paths return the same rows and count every response.</summary>
    internal static bool SmokeAgrees()
    {
        var b = new StoreCountBenchmarks { Store = "sqlite", Rows = 20_000 };
        b.Setup();
        try
        {
            var agrees = true;
            foreach (var zone in new[] { "UTC", "Europe/Amsterdam" })
            {
                b._query = b._query with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone) };
                agrees &= Fingerprint(b._raw, b._query) == Fingerprint(b._rollups, b._query) && b.Rollups() == b.Rows;
            }

            return agrees;
        }
        finally
        {
            b.Cleanup();
        }
    }

    /// <summary>The rows a counter returns, as sorted text (weight sums to 9 significant digits).</summary>
    internal static string Fingerprint(INpsCountSource counter, NpsCountQuery query)
    {
        var lines = new List<string>();
        var rows = counter.CountAsync(query).GetAsyncEnumerator();
        try
        {
            while (rows.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                var r = rows.Current;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Period?.Label} {string.Join('|', r.DimensionValues)} {r.Rating.Value} {r.IsManual} {r.Count} {r.WeightSum:G9} {r.SquaredWeightSum:G9}"));
            }
        }
        finally
        {
            rows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    /// <summary>The seed of <c>benchmarks/load/run.sh</c> (seed_sqlite), for <paramref name="rows"/> responses.</summary>
    internal static string SqliteSeed(int rows) => string.Create(CultureInfo.InvariantCulture, $"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {rows} - 1)
        INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent, channel,
          inclusion_probability, probability_stated, is_manual, received_at)
        SELECT 'L' || i, 'C' || (i % 200000), 0, abs(random()) % 11, 0,
          638712864000000000 + i * (630720000000000 / {rows}), 60, 'team-' || (i % 12), 'agent-' || (i % 300), CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END,
          1.0, 0, i % 50 = 0, 638712864000000000 + i * (630720000000000 / {rows})
        FROM n;
        ANALYZE;
        """);

    /// <summary>The seed of <c>benchmarks/load/run.sh</c> (seed_postgres), for <paramref name="rows"/> responses.</summary>
    internal static string PostgresSeed(int rows) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO nps_responses (response_id, respondent_id, kind, rating, callback_requested, responded_at, offset_minutes, team, agent, channel,
          inclusion_probability, probability_stated, is_manual, received_at, received_offset_minutes)
        SELECT 'L' || i, 'C' || (i % 200000), 0, floor(random() * 11)::int, false,
          timestamptz '2025-01-01 00:00:00+00' + i * (interval '730 days' / {rows}), 60, 'team-' || (i % 12), 'agent-' || (i % 300),
          CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END, 1.0, false, i % 50 = 0, timestamptz '2025-01-01 00:00:00+00', 60
        FROM generate_series(0, {rows} - 1) AS i
        """);
}
