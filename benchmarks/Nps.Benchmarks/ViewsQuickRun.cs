using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Nps.Ambitions;
using Nps.Huddle;
using Nps.Insights;
using Nps.Intake;
using Nps.PostgreSql;
using Nps.PostgreSql.Reporting;
using Nps.Segmentation;
using Nps.Serialization;
using Nps.Sqlite;
using Nps.Sqlite.Reporting;

namespace Nps.Benchmarks;

/// <summary>
/// <c>--views-quick RUNS ROWS</c>: the analyst views before and after they read aggregates, in the same process on the
/// same seeded store (<c>ViewsSeed</c>: the load kit's seed with comments on a fifth and a callback on every 37th): coaching (agent ×
/// month), the huddle brief (one team, one ISO week), ambitions (three teams, 90-day window) — before: every stored
/// response read into a list (<c>ReadAsync(null, null)</c>) and the in-memory call, as the routes did; after: the
/// store's counts and slices (themes: the totals from counts, then only the commented responses, paged; and "themes from
/// counts": that paged path against the store's theme counts, matched once beforehand and timed) — and the report by team and agent per month (before: the raw <c>GROUP BY</c>; after:
/// the (team, agent) rollups). Per view: medians of RUNS interleaved runs and the bytes allocated per run; the two
/// answers are checked to be equal. SQLite always; PostgreSQL when <c>NPS_TEST_POSTGRES</c> is set; <c>NPS_BENCH_STORES</c> keeps only the stores it names.
/// </summary>
internal static class ViewsQuickRun
{
    public static int Run(int runs, int rows)
    {
        var failed = false;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        // NPS_BENCH_STORES=postgresql measures one store alone (a 1 M seed takes minutes per store).
        var only = Environment.GetEnvironmentVariable("NPS_BENCH_STORES")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var store in StoreCountBenchmarks.Stores.Where(s => only is null || only.Contains(s, StringComparer.Ordinal)))
        {
            var seeding = Stopwatch.StartNew();
            using var opened = Open(store, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: {rows:N0} responses seeded in {seeding.Elapsed.TotalSeconds:F1} s; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
            var coaching = new CoachingSignalOptions { TimeZone = zone };
            var huddle = new HuddleBriefOptions { Team = "team-3", Period = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 25)), TimeZone = zone, AsOf = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero) };
            Ambition[] ambitions =
            [
                new("team", "team-1", 30, new DateOnly(2026, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
                new("team", "team-2", 30, new DateOnly(2026, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
                new("agent", "agent-7", 30, new DateOnly(2026, 12, 31), new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30)),
            ];
            var tracker = new AmbitionTrackerOptions { AsOf = new DateOnly(2026, 10, 31), TimeZone = zone };
            var report = new NpsReportOptions { Dimensions = ["team", "agent"], Period = Period.Month, TimeZone = zone };
            (string View, Func<Task<string>> Before, Func<Task<string>> After)[] views =
            [
                ("coaching", async () => Json(CoachingSignalsDocument.From(new CoachingSignalDetector(coaching).Detect(await AllAsync(opened.Store)), coaching)),
                    async () => Json(CoachingSignalsDocument.From(await new CoachingSignalDetector(coaching).DetectAsync(opened.Rollups), coaching))),
                ("huddle", async () => Json(HuddleBriefDocument.From(new HuddleBriefBuilder(huddle).Build(await AllAsync(opened.Store)))),
                    async () => Json(HuddleBriefDocument.From(await new HuddleBriefBuilder(huddle).BuildAsync(opened.Rollups, (IResponseSliceSource)opened.Store)))),
                ("ambitions", async () => Json(AmbitionsDocument.From(AmbitionTracker.Evaluate(await AllAsync(opened.Store), ambitions, tracker))),
                    async () => Json(AmbitionsDocument.From(await AmbitionTracker.EvaluateAsync(opened.Rollups, ambitions, tracker)))),
                ("themes", async () => Json(ThemeAnalysisDocument.From(ThemeAnalysis.Analyze(await AllAsync(opened.Store), ThemeTaxonomy.Default))),
                    async () => Json(ThemeAnalysisDocument.From(await ThemeAnalysis.AnalyzeAsync(opened.Rollups, new SlicesOnly((IResponseSliceSource)opened.Store), ThemeTaxonomy.Default)))),
                ("themes from counts", async () => Json(ThemeAnalysisDocument.From(await ThemeAnalysis.AnalyzeAsync(opened.Rollups, new SlicesOnly((IResponseSliceSource)opened.Store), ThemeTaxonomy.Default))),
                    async () => Json(ThemeAnalysisDocument.From(await ThemeAnalysis.AnalyzeAsync(opened.Rollups, (IResponseSliceSource)opened.Store, ThemeTaxonomy.Default)))),
                ("report by=team,agent", async () => Summary(await opened.Raw.BuildReportAsync(report)), async () => Summary(await opened.Rollups.BuildReportAsync(report))),
            ];
            // The theme counts of the seed (inserted by SQL, so matched by the first update: what a taxonomy change costs too).
            var matching = Stopwatch.StartNew();
            var current = ((IThemeCountSource)opened.Store).UpdateThemeCountsAsync(ThemeTaxonomy.Default, int.MaxValue).AsTask().GetAwaiter().GetResult().IsCurrent;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: theme counts of every comment matched in {matching.Elapsed.TotalSeconds:F1} s (current: {current})"));
            // NPS_BENCH_VIEWS=coaching times the views it names only (a profile of one view).
            var onlyViews = Environment.GetEnvironmentVariable("NPS_BENCH_VIEWS")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var (view, before, after) in views.Where(v => onlyViews is null || onlyViews.Contains(v.View, StringComparer.Ordinal)))
            {
                var same = before().GetAwaiter().GetResult() == after().GetAwaiter().GetResult();
                failed |= !same;
                var times = new Dictionary<string, List<double>> { ["before"] = [], ["after"] = [] };
                var allocated = new Dictionary<string, long>();
                for (var i = 0; i < runs; i++)
                {
                    foreach (var (name, run) in new[] { ("before", before), ("after", after) })
                    {
                        var bytes = GC.GetTotalAllocatedBytes(precise: true);
                        var stopwatch = Stopwatch.StartNew();
                        run().GetAwaiter().GetResult();
                        times[name].Add(stopwatch.Elapsed.TotalMilliseconds);
                        allocated[name] = GC.GetTotalAllocatedBytes(precise: true) - bytes;
                    }
                }

                double Median(string name) => times[name].Order().ElementAt(times[name].Count / 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{store,-10} {view,-22} answers {(same ? "equal" : "DIFFER")}; before median {Median("before"),9:F1} ms, {allocated["before"] / 1e6,8:F1} MB allocated; after median {Median("after"),7:F1} ms, {allocated["after"] / 1e6,6:F2} MB; after / before = {Median("after") / Median("before"):F4}"));
            }

            Split(store, "coaching", opened.Rollups, new NpsCountQuery { Dimensions = [coaching.Dimension], Period = coaching.Period, TimeZone = zone }, runs,
                async source => Json(CoachingSignalsDocument.From(await new CoachingSignalDetector(coaching).DetectAsync(source), coaching)));
            Split(store, "report by=team,agent", opened.Rollups, new NpsCountQuery { Dimensions = report.Dimensions, Period = report.Period, TimeZone = zone }, runs,
                async source => Summary(await source.BuildReportAsync(report)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        }

        return failed ? 1 : 0;
    }

    private static string Json<T>(T document) => NpsJson.Serialize(document);

    /// <summary>
    /// Where a view's time goes: the store's count read alone (rows into a list), the in-process work (detector or
    /// builder and JSON) over those rows held in memory, and the whole call; medians of RUNS interleaved runs.
    /// </summary>
    private static void Split(string store, string view, INpsCountSource source, NpsCountQuery query, int runs, Func<INpsCountSource, Task<string>> work)
    {
        var read = new List<double>();
        var process = new List<double>();
        var whole = new List<double>();
        var wholeCpu = new List<double>(); // the process's CPU time: on a machine shared with others, less noisy than the wall clock
        long readBytes = 0, processBytes = 0, wholeBytes = 0;
        var rows = new List<NpsCountRow>();
        for (var i = 0; i < runs; i++)
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            rows = source.CountAsync(query).ToBlockingEnumerable().ToList();
            read.Add(stopwatch.Elapsed.TotalMilliseconds);
            readBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            var held = new HeldRows(rows);
            bytes = GC.GetTotalAllocatedBytes(precise: true);
            stopwatch.Restart();
            work(held).GetAwaiter().GetResult();
            process.Add(stopwatch.Elapsed.TotalMilliseconds);
            processBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            bytes = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            stopwatch.Restart();
            work(source).GetAwaiter().GetResult();
            whole.Add(stopwatch.Elapsed.TotalMilliseconds);
            wholeCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            wholeBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store,-10} {view,-22} split: store read median {read.Order().ElementAt(runs / 2),7:F1} ms ({rows.Count:N0} rows, {readBytes / 1e6:F2} MB); in-process median {process.Order().ElementAt(runs / 2),7:F1} ms ({processBytes / 1e6:F2} MB); whole call median {whole.Order().ElementAt(runs / 2),7:F1} ms ({wholeBytes / 1e6:F2} MB, CPU median {wholeCpu.Order().ElementAt(runs / 2),7:F1} ms)"));
    }

    /// <summary>Count rows held in memory, as a count source (the in-process half of <see cref="Split"/>).</summary>
    private sealed class HeldRows(List<NpsCountRow> rows) : INpsCountSource
    {
        public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            foreach (var row in rows) yield return row;
        }
    }

    private static string Summary(NpsReport report) =>
        string.Join('\n', report.Cells.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Period?.Label} {string.Join('|', c.Dimensions.Values)} {c.Distribution.Count} {c.Distribution.Score:F6} {c.ManualSends}")).Order(StringComparer.Ordinal));

    private static async Task<List<SurveyResponse>> AllAsync(IResponseStore store)
    {
        var responses = new List<SurveyResponse>();
        await foreach (var stored in store.ReadAsync(null, null)) responses.Add(stored.Response);
        return responses;
    }

    private static Opened Open(string store, int rows)
    {
        // NPS_BENCH_KEEP=DIR keeps the seeded stores (DIR/nps-ROWS.db, schema nps_views_bench_ROWS) and reuses them in
        // a later run: two builds timed in turn on one seed (a 1 M SQLite seed takes minutes).
        var keep = Environment.GetEnvironmentVariable("NPS_BENCH_KEEP");
        if (store == "sqlite")
        {
            var folder = keep ?? Directory.CreateTempSubdirectory("nps-views-bench-").FullName;
            var file = Path.Combine(folder, keep is null ? "nps.db" : string.Create(CultureInfo.InvariantCulture, $"nps-{rows}.db"));
            var seeded = keep is not null && File.Exists(file);
            var stores = new SqliteNpsStores($"Data Source={file}");
            using (var connection = stores.Database.OpenAsync().GetAwaiter().GetResult())
            using (var seed = connection.CreateCommand())
            {
                if (!seeded)
                {
                    seed.CommandText = ViewsSeed.Sqlite(rows) + "\nANALYZE;";
                    seed.ExecuteNonQuery();
                }
            }

            return new Opened(stores.Responses, new SqliteResponseCounter(stores.Database, useRollups: false), new SqliteResponseCounter(stores.Database), () =>
            {
                SqliteConnection.ClearAllPools();
                if (keep is null) Directory.Delete(folder, recursive: true);
            });
        }

        var server = Environment.GetEnvironmentVariable("NPS_TEST_POSTGRES")!;
        var name = keep is null ? "nps_views_bench" : string.Create(CultureInfo.InvariantCulture, $"nps_views_bench_{rows}");
        bool exists;
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var probe = new NpgsqlCommand($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{name}' AND table_name = 'nps_responses'", connection);
            exists = keep is not null && (long)probe.ExecuteScalar()! > 0;
            if (!exists)
            {
                using var schema = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}", connection);
                schema.ExecuteNonQuery();
            }
        }

        var database = new PostgreSqlNpsDatabase(new NpgsqlConnectionStringBuilder(server) { SearchPath = name, CommandTimeout = 600 }.ToString());
        database.MigrateAsync().GetAwaiter().GetResult();
        foreach (var sql in exists ? [] : new[] { ViewsSeed.Postgres(rows), "VACUUM ANALYZE nps_responses", "VACUUM ANALYZE nps_response_days" })
        {
            using var command = database.DataSource.CreateCommand(sql);
            command.ExecuteNonQuery();
        }

        return new Opened(new PostgreSqlResponseStore(database), new PostgreSqlResponseCounter(database, useRollups: false), new PostgreSqlResponseCounter(database), () =>
        {
            if (keep is null)
            {
                using var drop = database.DataSource.CreateCommand($"DROP SCHEMA {name} CASCADE");
                drop.ExecuteNonQuery();
            }

            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
    }

    /// <summary>A store's slices alone (not its theme counts): the paged path, as before the counts.</summary>
    private sealed class SlicesOnly(IResponseSliceSource inner) : IResponseSliceSource
    {
        public ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default) => inner.ReadSliceAsync(query, cancellationToken);
    }

    private sealed record Opened(IResponseStore Store, INpsCountSource Raw, INpsCountSource Rollups, Action Cleanup) : IDisposable
    {
        public void Dispose() => Cleanup();
    }
}
