using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Nps.Delivery;
using Nps.PostgreSql;
using Nps.Segmentation;
using Nps.Sqlite;

namespace Nps.Benchmarks;

/// <summary>
/// Response rates for <c>by=team&amp;period=month</c> in Europe/Amsterdam (what
/// <c>GET /api/reports/response-rates?by=team&amp;period=month</c> asks) over <see cref="Rows"/> sent invitations (two
/// years, 12 teams, 300 agents, 2 % manual, a third answered): every invitation read and counted in the process
/// (baseline, <see cref="IInvitationStore.ReadSentAsync"/>) vs the store's <c>GROUP BY</c>
/// (<see cref="IInvitationStore.CountSentAsync"/>). SQLite always; PostgreSQL when <c>NPS_TEST_POSTGRES</c> names a server.
/// </summary>
[MemoryDiagnoser]
public class ResponseRateBenchmarks
{
    private const string PostgresVariable = "NPS_TEST_POSTGRES";
    private string? _folder;
    private PostgreSqlNpsDatabase? _postgres;
    private IInvitationStore _store = null!;
    private readonly NpsReportOptions _options = new()
    {
        Dimensions = ["team"], Period = Period.Month, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"),
    };

    /// <summary>The stores to measure: SQLite, and PostgreSQL when a server is configured.</summary>
    public static IEnumerable<string> Stores =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) ? ["sqlite"] : ["sqlite", "postgresql"];

    /// <summary>The store.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    /// <summary>Sent invitations.</summary>
    public int Rows { get; set; } = 200_000;

    /// <summary>Seeds the invitations straight into the store's table.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Store == "sqlite")
        {
            _folder = Directory.CreateTempSubdirectory("nps-rate-bench-").FullName;
            var database = new SqliteNpsDatabase($"Data Source={Path.Combine(_folder, "nps.db")}");
            using var connection = database.OpenAsync().GetAwaiter().GetResult();
            using var seed = connection.CreateCommand();
            seed.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {Rows} - 1)
                INSERT INTO nps_invitations (invitation_id, customer_id, event_id, kind, team, agent, channel, inclusion_probability, is_manual,
                  scheduled_at, sent_at, expires_at, status)
                SELECT 'I' || i, 'C' || i, 'E1', 0, 'team-' || (i % 12), 'agent-' || (i % 300), CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END, 1.0, i % 50 = 0,
                  t, t, t + 12096000000000, CASE WHEN i % 3 = 0 THEN 'answered' WHEN i % 7 = 0 THEN 'expired' ELSE 'sent' END
                FROM (SELECT i, 638712864000000000 + i * (630720000000000 / {Rows}) AS t FROM n);
                ANALYZE;
                """);
            seed.ExecuteNonQuery();
            _store = new SqliteInvitationStore(database);
            return;
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable) ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var schema = new NpgsqlCommand("DROP SCHEMA IF EXISTS nps_rate_bench CASCADE; CREATE SCHEMA nps_rate_bench", connection);
            schema.ExecuteNonQuery();
        }

        _postgres = new PostgreSqlNpsDatabase(new NpgsqlConnectionStringBuilder(server) { SearchPath = "nps_rate_bench", CommandTimeout = 600 }.ToString());
        _postgres.MigrateAsync().GetAwaiter().GetResult();
        using (var seed = _postgres.DataSource.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO nps_invitations (invitation_id, customer_id, event_id, kind, team, agent, channel, inclusion_probability, is_manual,
              scheduled_at, sent_at, expires_at, status)
            SELECT 'I' || i, 'C' || i, 'E1', 0, 'team-' || (i % 12), 'agent-' || (i % 300), CASE i % 3 WHEN 0 THEN 'phone' ELSE 'chat' END, 1.0, i % 50 = 0,
              t, t, t + interval '14 days', CASE WHEN i % 3 = 0 THEN 'answered' WHEN i % 7 = 0 THEN 'expired' ELSE 'sent' END
            FROM (SELECT i, timestamptz '2025-01-01 00:00:00+00' + i * (interval '730 days' / {Rows}) AS t FROM generate_series(0, {Rows} - 1) AS i) s
            """)))
        {
            seed.ExecuteNonQuery();
        }

        using (var analyze = _postgres.DataSource.CreateCommand("VACUUM ANALYZE nps_invitations"))
        {
            analyze.ExecuteNonQuery();
        }

        _store = new PostgreSqlInvitationStore(_postgres);
    }

    /// <summary>Removes the seeded data.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            using (var drop = _postgres.DataSource.CreateCommand("DROP SCHEMA nps_rate_bench CASCADE"))
            {
                drop.ExecuteNonQuery();
            }

            _postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Every sent invitation read and counted in the process.</summary>
    /// <returns>The invitations counted.</returns>
    [Benchmark(Baseline = true)]
    public long ReadEach() => NpsResponseRates.ComputeAsync(_store.ReadSentAsync(), _options).AsTask().GetAwaiter().GetResult()[0].Sent;

    /// <summary>The store's <c>GROUP BY</c>.</summary>
    /// <returns>The invitations counted.</returns>
    [Benchmark]
    public long GroupBy() => NpsResponseRates.ComputeAsync(_store, _options).AsTask().GetAwaiter().GetResult()[0].Sent;

    /// <summary>The smoke run's check: at 5,000 SQLite invitations both paths give the same cells, every invitation counted.</summary>
    internal static bool SmokeAgrees()
    {
        var b = new ResponseRateBenchmarks { Store = "sqlite", Rows = 5_000 };
        b.Setup();
        try
        {
            var each = NpsResponseRates.ComputeAsync(b._store.ReadSentAsync(), b._options).AsTask().GetAwaiter().GetResult();
            var grouped = NpsResponseRates.ComputeAsync(b._store, b._options).AsTask().GetAwaiter().GetResult();
            static string Text(ResponseRateCell c) =>
                string.Join(",", c.Dimensions.Select(d => d.Key + "=" + d.Value)) + string.Create(CultureInfo.InvariantCulture, $":{c.Sent}/{c.Answered}/{c.Lower:R}/{c.Upper:R}");
            return each.Select(Text).SequenceEqual(grouped.Select(Text)) && b.GroupBy() == b.Rows - ((b.Rows + 49) / 50); // manual ones (every 50th) left out
        }
        finally
        {
            b.Cleanup();
        }
    }
}
