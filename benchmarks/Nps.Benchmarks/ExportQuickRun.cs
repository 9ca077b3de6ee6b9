using System.Diagnostics;
using System.Globalization;

namespace Nps.Benchmarks;

/// <summary>
/// <c>--export-quick</c>: the <see cref="ExportReportBenchmarks"/> methods timed with a stopwatch (a few runs each,
/// interleaved, medians), for a shared machine where a full BenchmarkDotNet run is too long; and
/// <c>--export-peak NAME</c>: one method in this process, printing the process's peak resident memory (VmHWM);
/// <c>--export-repeat NAME N</c>: one nps method N times, for a profiler.
/// </summary>
internal static class ExportQuickRun
{
    public static int Run(int runs)
    {
        var b = new ExportReportBenchmarks { Rows = 2_000_000 };
        b.Setup();
        var methods = new (string Name, Func<long> Run)[]
        {
            ("duckdb-1", b.DuckDb1), ("duckdb-2", b.DuckDb2), ("nps-1", () => b.NpsReport1()), ("nps-2", () => b.NpsReport2()),
        };
        // The two answer the same question: per (team, agent, local month) the same counts.
        using (var json = new StringWriter())
        {
            b.Report(json, 2);
            using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
            var nps = document.RootElement.GetProperty("segments").EnumerateArray()
                .ToDictionary(c => string.Join("|", c.GetProperty("dimensions").EnumerateObject().Select(p => p.Value.GetString())), c => c.GetProperty("count").GetInt64());
            var duck = b.DuckDbCells(b.DuckDb(2));
            var same = nps.Count == duck.Count && nps.All(p => duck.TryGetValue(p.Key, out var n) && n == p.Value);
            Console.WriteLine($"cross-check: {nps.Count} cells, {(same ? "counts equal DuckDB's" : "COUNTS DIFFER FROM DuckDB")}");
            if (!same) return 1;
        }

        var times = methods.ToDictionary(m => m.Name, _ => new List<double>());
        foreach (var (_, run) in methods) run(); // warm-up
        for (var i = 0; i < runs; i++)
        {
            foreach (var (name, run) in methods)
            {
                var stopwatch = Stopwatch.StartNew();
                run();
                times[name].Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        double Median(string name) => times[name].Order().ElementAt(times[name].Count / 2);
        foreach (var (name, _) in methods)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-9} median {Median(name),8:F1} ms  runs {string.Join(" ", times[name].Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nps-1 / duckdb-1 = {Median("nps-1") / Median("duckdb-1"):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nps-2 / duckdb-2 = {Median("nps-2") / Median("duckdb-2"):F2}"));
        b.Cleanup();
        return 0;
    }

    public static int Peak(string name)
    {
        var path = ExportReportBenchmarks.Generate(2_000_000);
        var before = PeakMegabytes();
        var b = new ExportReportBenchmarks { Rows = 2_000_000 };
        switch (name)
        {
            case "nps-1" or "nps-2":
                b.Path = path;
                b.Report(TextWriter.Null, name == "nps-1" ? 1 : 2);
                break;
            default:
                b.Setup();
                b.DuckDbGroupBy(b.DuckDb(name == "duckdb-1" ? 1 : 2));
                break;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: peak RSS {PeakMegabytes():F0} MB (before the run: {before:F0} MB)"));
        return 0;
    }

    /// <summary><c>--export-repeat NAME N</c>: one nps method N times in this process and nothing else, to run under a profiler (e.g. <c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>).</summary>
    public static int Repeat(string name, int times)
    {
        var b = new ExportReportBenchmarks { Rows = 2_000_000, Path = ExportReportBenchmarks.Generate(2_000_000) };
        for (var i = 0; i < times; i++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            b.Report(TextWriter.Null, name == "nps-2" ? 2 : 1);
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} run {i + 1}: {elapsed:F0} ms, allocated {megabytes:F1} MB"));
        }

        return 0;
    }

    private static double PeakMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
