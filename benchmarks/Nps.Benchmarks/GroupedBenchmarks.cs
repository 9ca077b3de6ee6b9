using BenchmarkDotNet.Attributes;
using Nps.Segmentation;

namespace Nps.Benchmarks;

/// <summary>
/// Per-segment histograms over 10 M rows and 1,000 segments (columnar: int segment ids + byte ratings), against
/// DuckDB's GROUP BY on the same rows already loaded into an in-memory table, at the same thread count.
/// </summary>
[MemoryDiagnoser]
public class GroupedBenchmarks
{
    private int[] _segments = null!;
    private byte[] _ratings = null!;
    private DuckDbTable? _duckDb;
    private DenseNpsAggregator _aggregator = null!;

    [Params(10_000_000)]
    public int Rows { get; set; }

    [Params(1_000)]
    public int Segments { get; set; }

    [Params(Skew.Uniform, Skew.Zipf)]
    public Skew Skew { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ratings = BenchmarkData.Ratings(Rows);
        _segments = BenchmarkData.Segments(Rows, Segments, Skew);
        _aggregator = new DenseNpsAggregator(Segments);
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb()
    {
        Setup();
        _duckDb = new DuckDbTable(_segments, _ratings, Threads);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Baseline = true, Description = "DuckDB GROUP BY seg, rating")]
    public long[] DuckDb() => _duckDb!.GroupBy(Segments);

    [Benchmark(Description = "DenseNpsAggregator")]
    public long Aggregator()
    {
        _aggregator.Clear();
        if (Threads == 1) _aggregator.Add(_segments, _ratings);
        else _aggregator.AddParallel(_segments, _ratings, Threads);
        return _aggregator.Count;
    }

    /// <summary>The histogram the last <see cref="Aggregator"/> call counted (smoke checks).</summary>
    internal ReadOnlySpan<long> AggregatorHistogram => _aggregator.Histogram;

    [Benchmark(Description = "dense loop (plain flat[seg*11+r]++)")]
    public long[] DenseLoop() => Threads == 1
        ? DenseSingle()
        : Kernels.DenseLoopParallel(_segments, _ratings, Segments, Threads);

    private long[] DenseSingle()
    {
        var flat = new long[Segments * Kernels.Buckets];
        Kernels.DenseLoop(_segments, _ratings, flat);
        return flat;
    }
}
