using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Nps.Benchmarks;

// `--smoke`: the tiny in-process CI run (see Smoke). Anything else goes to BenchmarkSwitcher, e.g.
// `--filter '*' --job short`; see benchmarks/README.md. Median and Min are shown because the machines this runs
// on are shared: a burst of someone else's work moves the mean, much less the median.
if (args is ["--smoke"]) return Smoke.Run();
if (args is ["--export-quick", var runs]) return ExportQuickRun.Run(int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture));
if (args is ["--export-peak", var name]) return ExportQuickRun.Peak(name);
if (args is ["--export-cold", var coldRuns, .. var coldRest])
{
    // [--tool DIR] [BEFORE_DIR]: DIR holds the shipped nps (e.g. the --tool-path folder of an installed Nps.Tool).
    var coldTool = coldRest is ["--tool", var toolDir, ..] ? toolDir : null;
    var coldBefore = coldTool is null ? coldRest : coldRest[2..];
    if (coldBefore.Length <= 1)
    {
        return ColdExportRun.Run(int.Parse(coldRuns, System.Globalization.CultureInfo.InvariantCulture), coldTool, coldBefore.FirstOrDefault());
    }
}

if (args is ["--duckdb-once", var duckPath, var duckThreads]) return ColdExportRun.DuckDbOnce(duckPath, int.Parse(duckThreads, System.Globalization.CultureInfo.InvariantCulture));
if (args is ["--export-repeat", var repeated, var times]) return ExportQuickRun.Repeat(repeated, int.Parse(times, System.Globalization.CultureInfo.InvariantCulture));
if (args is ["--store-quick", var storeRuns, var storeRows])
{
    return StoreCountBenchmarks.Quick(int.Parse(storeRuns, System.Globalization.CultureInfo.InvariantCulture), int.Parse(storeRows, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["--views-quick", var viewRuns, var viewRows])
{
    return ViewsQuickRun.Run(int.Parse(viewRuns, System.Globalization.CultureInfo.InvariantCulture), int.Parse(viewRows, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["--route-server", var port, var seconds])
{
    return await RouteServer.Run(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
}

var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min);
BenchmarkSwitcher.FromAssembly(typeof(Smoke).Assembly).Run(args, config);
return 0;
