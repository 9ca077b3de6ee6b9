using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;
using Nps.Sampling;

namespace Nps.Benchmarks;

/// <summary>
/// The CI smoke run (<c>--smoke</c>): every benchmark class at a tiny size, every benchmark method invoked once
/// in-process, and the answers cross-checked (library == plain loop == LINQ == DuckDB), so that the suite can
/// neither stop compiling nor silently start measuring something wrong. It also runs BenchmarkDotNet's own
/// validators over every class (baselines, setup targets, params). Exit code 0 only when everything agrees.
/// </summary>
internal static class Smoke
{
    private static readonly List<string> Failures = [];

    public static int Run()
    {
        var total = Stopwatch.StartNew();
        Step("BenchmarkDotNet validators", Validate);
        Step("Ungrouped", Ungrouped);
        Step("Grouped", Grouped);
        Step("Grouped alternatives", GroupedAlternatives);
        Step("Merge", Merge);
        Step("Weighted", Weighted);
        Step("Intervals", Intervals);
        Step("Decisions", Decisions);
        Step("nps report", Report);
        Step("nps report, realistic export", ExportReport);
        Step("Store counts, SQLite", () => Check(StoreCountBenchmarks.SmokeAgrees(), "StoreCountBenchmarks: rollups differ from the raw query"));
        Step("Report from counts", CountReport);
        Step("Response rates, SQLite", () => Check(ResponseRateBenchmarks.SmokeAgrees(), "ResponseRateBenchmarks: the store's GROUP BY differs from reading each invitation"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"benchmark smoke: {(Failures.Count == 0 ? "ok" : $"{Failures.Count} FAILED")} in {total.Elapsed.TotalSeconds:F1} s"));
        foreach (var failure in Failures) Console.Error.WriteLine("  FAILED: " + failure);
        return Failures.Count == 0 ? 0 : 1;
    }

    private static void Step(string name, Action step)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            step();
        }
#pragma warning disable CA1031 // the smoke run reports every failure, whatever its type, and carries on
        catch (Exception error)
#pragma warning restore CA1031
        {
            Failures.Add($"{name}: {error.GetType().Name}: {error.Message}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {watch.Elapsed.TotalSeconds,6:F2} s"));
    }

    /// <summary>The report route's library work from a store's counts: every method once, and the document from counts == from responses.</summary>
    private static void CountReport()
    {
        foreach (var by in new[] { "team", "team,agent" })
        {
            var benchmark = new CountReportBenchmarks { Responses = 3_000, By = by };
            benchmark.Setup();
            benchmark.Route().GetAwaiter().GetResult();
            benchmark.RouteBefore().GetAwaiter().GetResult();
            benchmark.KeptBody().GetAwaiter().GetResult();
            benchmark.NewBody().GetAwaiter().GetResult();
            benchmark.Json().GetAwaiter().GetResult();
            benchmark.JsonThroughMetadata().GetAwaiter().GetResult();
            var report = benchmark.Report();
            Check(benchmark.AddRows() == report.Cells.Count, $"count report by {by}: Add(row) gives {report.Cells.Count} cells");
            Check(report.Overall.Count + report.Overall.ManualSends == 3_000, $"count report by {by}: overall counts {report.Overall.Count} + {report.Overall.ManualSends} manual != 3000");
            var fromCounts = Nps.Serialization.NpsJson.Serialize(benchmark.Document());
            var fromResponses = Nps.Serialization.NpsJson.Serialize(Nps.Serialization.NpsReportDocument.From(benchmark.ReportFromResponses()));
            Check(fromCounts == fromResponses, $"count report by {by}: the document from counts differs from the one from responses");
            Check(benchmark.RouteBody() == fromCounts, $"count report by {by}: the route's kept body differs from the document's JSON");
            Check(Nps.Serialization.NpsJson.SerializeThroughMetadata(benchmark.Document()) == fromCounts, $"count report by {by}: NpsJson's fast path differs from the serializer's metadata path");
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition) Failures.Add(what);
    }

    private static void Same(ReadOnlySpan<long> expected, ReadOnlySpan<long> actual, string what) =>
        Check(expected.SequenceEqual(actual), what + " differs from the reference");

    private static void Validate()
    {
        var config = ImmutableConfigBuilder.Create(DefaultConfig.Instance);
        var types = typeof(Smoke).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)));
        var count = 0;
        foreach (var type in types)
        {
            var info = BenchmarkConverter.TypeToBenchmarks(type, config);
            count += info.BenchmarksCases.Length;
            foreach (var validator in config.GetValidators())
            {
                foreach (var error in validator.Validate(new ValidationParameters(info.BenchmarksCases, config)))
                {
                    if (error.IsCritical) Failures.Add($"{type.Name}: {error.Message}");
                }
            }
        }

        Check(count > 0, "no benchmark cases found");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({count} benchmark cases validated)"));
    }

    private static void Ungrouped()
    {
        // Just over two 1 MiB chunks, so FromRatingsParallel really splits, plus a tail that fills no vector.
        var b = new UngroupedBenchmarks { Rows = (2 << 20) + 77 };
        b.Setup();
        var expected = b.PlainLoop().ToArray();
        Check(expected.Sum() == b.Rows, "plain loop does not count every row");
        Same(expected, b.FromRatings().Counts, "FromRatings");
        Same(expected, b.FromRatingsAllCores().Counts, "FromRatingsParallel");
        Same(expected, b.Linq(), "LINQ Count per value");
        var or = (byte)0;
        for (var r = 0; r < Kernels.Buckets; r++) if (expected[r] > 0) or |= (byte)r;
        Check(b.ReadKernel() == or, "read kernel");
        Check(b.ReadKernelAllCores() == or, "read kernel, all cores");
    }

    private static void Grouped()
    {
        foreach (var skew in Enum.GetValues<Skew>())
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var b = new GroupedBenchmarks { Rows = 200_003, Segments = 1_000, Skew = skew, Threads = threads };
                b.SetupDuckDb();
                try
                {
                    var what = $"grouped {skew}, {threads} thread(s): ";
                    var expected = b.DuckDb();
                    Check(expected.Sum() == b.Rows, what + "DuckDB does not count every row");
                    Same(expected, b.DenseLoop(), what + "dense loop");
                    Check(b.AggregatorAdd() == b.Rows, what + "DenseNpsAggregator count");
                    Same(expected, b.AggregatorHistogram, what + "DenseNpsAggregator");
                    var ratings = BenchmarkData.Ratings(b.Rows);
                    Same(NpsDistribution.FromRatings(ratings).Counts, NpsDistribution.MergeFlat(expected).Counts,
                        what + "the merged DuckDB histograms vs FromRatings:");
                }
                finally
                {
                    b.Cleanup();
                }
            }
        }
    }

    private static void GroupedAlternatives()
    {
        foreach (var skew in Enum.GetValues<Skew>())
        {
            var b = new GroupedAlternativesBenchmarks { Rows = 200_003, Segments = 1_000, Skew = skew };
            b.Setup();
            var expected = b.Dense();
            Check(expected.Sum() == b.Rows, $"grouped {skew}: dense loop does not count every row");
            Same(expected, b.AggregatorAdd(), $"grouped {skew}: DenseNpsAggregator");
            Same(expected, Kernels.Flatten(b.Dictionary(), b.Segments), $"grouped {skew}: Dictionary");
            Same(expected, Kernels.Flatten(b.LinqGroupBy(), b.Segments), $"grouped {skew}: LINQ GroupBy");
        }

        // Zipf really is skewed: the hottest segment holds far more than 1/1000 of the rows.
        var zipf = BenchmarkData.Segments(200_000, 1_000, Skew.Zipf);
        var hottest = zipf.CountBy(s => s).Max(p => p.Value);
        Check(hottest > 20_000, $"Zipf data is not skewed (hottest segment {hottest} rows)");
    }

    private static void Merge()
    {
        var b = new MergeBenchmarks { Distributions = 10_001 };
        b.Setup();
        var expected = b.PlainAdd();
        Same(expected.Counts, b.Merge().Counts, "Merge");
        Same(expected.Counts, b.MergeFlat().Counts, "MergeFlat");
        Check(b.ReadKernel() == expected.Count, "merge read kernel sum");
    }

    private static void Weighted()
    {
        var b = new WeightedBenchmarks { Rows = 100_003 };
        b.Setup();
        _ = b.ReadKernel();
        var library = b.FromRatings();
        var loop = b.AccumulatorLoop();
        Check(library.Count == b.Rows, "weighted estimate does not count every row");
        Check(library.Score == loop.Score && library.StandardError == loop.StandardError, "weighted estimate vs the accumulator loop");
    }

    private static void Intervals()
    {
        var b = new IntervalBenchmarks();
        b.Setup();
        foreach (var width in new[] { b.AdjustedWald(), b.Wald(), b.Score() })
        {
            Check(double.IsFinite(width) && width > 0, $"interval widths sum to {width}");
        }
    }

    /// <summary>The realistic export at 20,011 rows: every cell's count equals DuckDB's, at 1 and 2 threads.</summary>
    private static void ExportReport()
    {
        var b = new ExportReportBenchmarks { Rows = 20_011 };
        b.Setup();
        try
        {
            Check(b.DuckDb1() == b.Rows && b.DuckDb2() == b.Rows, "DuckDB read_csv does not count every export row");
            var duck = b.DuckDbCells(b.DuckDb(1));
            foreach (var threads in new[] { 1, 2 })
            {
                using var json = new StringWriter();
                Check(b.Report(json, threads) == 0, $"nps report on the export (--threads {threads}) exit code");
                using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
                var nps = document.RootElement.GetProperty("segments").EnumerateArray().ToDictionary(
                    c => string.Join("|", c.GetProperty("dimensions").EnumerateObject().Select(p => p.Value.GetString())),
                    c => c.GetProperty("count").GetInt64());
                Check(nps.Count == duck.Count && nps.All(p => duck.TryGetValue(p.Key, out var n) && n == p.Value),
                    $"nps report --threads {threads} cells differ from DuckDB's GROUP BY team, agent, local month");
            }
        }
        finally
        {
            b.Cleanup();
            File.Delete(b.Path);
        }
    }

    private static void Report()
    {
        var b = new ReportBenchmarks { Rows = 20_011 };
        b.Setup();
        try
        {
            Check(b.NpsReport() == 0, "nps report (table) exit code");
            Check(b.DuckDb1() == b.Rows && b.DuckDb2() == b.Rows, "DuckDB read_csv does not count every row");
            using var json = new StringWriter();
            Check(b.Report(json, "json") == 0, "nps report (json) exit code");
            var byRating = new Dictionary<(string, byte), long>();
            b.DuckDbGroupBy(b.DuckDbConnection, byRating);
            var expected = byRating
                .GroupBy(p => p.Key.Item1)
                .ToDictionary(g => g.Key, g => (
                    Count: g.Sum(p => p.Value),
                    Promoters: g.Where(p => p.Key.Item2 >= 9).Sum(p => p.Value),
                    Detractors: g.Where(p => p.Key.Item2 <= 6).Sum(p => p.Value)));
            using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
            var segments = document.RootElement.GetProperty("segments");
            Check(segments.GetArrayLength() == expected.Count, $"nps report has {segments.GetArrayLength()} segments, DuckDB {expected.Count}");
            foreach (var segment in segments.EnumerateArray())
            {
                var name = segment.GetProperty("dimensions").GetProperty("segment").GetString()!;
                var actual = (segment.GetProperty("count").GetInt64(), segment.GetProperty("promoters").GetInt64(), segment.GetProperty("detractors").GetInt64());
                Check(expected.TryGetValue(name, out var e) && actual == (e.Count, e.Promoters, e.Detractors),
                    $"nps report segment {name}: {actual} vs DuckDB");
            }
        }
        finally
        {
            b.Cleanup();
        }
    }

    private static void Decisions()
    {
        var b = new DecisionBenchmarks { Customers = 2_000 };
        b.Setup();
        for (var i = 0; i < 100; i++)
        {
            Check(b.NewCustomer().Outcome == DecisionOutcome.Suppress, "a web event for a new customer (rate 0) must be suppressed");
            Check(b.KnownCustomer() is not null, "decision for a known customer");
        }
    }
}
