using BenchmarkDotNet.Attributes;

namespace Nps.Benchmarks;

/// <summary>
/// Per-segment histograms over 10 M rows and 1,000 segments (columnar: int segment ids + byte ratings), against
/// DuckDB's GROUP BY on the same rows already loaded into an in-memory table, at the same thread count.
/// </summary>
[MemoryDiagnoser]
public class GroupedBenchmarks : GroupedInput
{
    private DuckDbTable? _duckDb;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        _duckDb = new DuckDbTable(SegmentIds, Ratings, Threads);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Baseline = true, Description = "DuckDB GROUP BY seg, rating")]
    public long[] DuckDb() => _duckDb!.GroupBy(Segments);

    [Benchmark(Description = "DenseNpsAggregator")]
    public long AggregatorAdd()
    {
        Aggregator.Clear();
        if (Threads == 1) Aggregator.Add(SegmentIds, Ratings);
        else Aggregator.AddParallel(SegmentIds, Ratings, Threads);
        return Aggregator.Count;
    }

    [Benchmark(Description = "dense loop (plain flat[seg*11+r]++)")]
    public long[] DenseLoop() => Threads == 1
        ? DenseLoopSingle()
        : Kernels.DenseLoopParallel(SegmentIds, Ratings, Segments, Threads);
}
