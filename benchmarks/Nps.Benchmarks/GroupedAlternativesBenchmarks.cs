using BenchmarkDotNet.Attributes;
using Nps.Segmentation;

namespace Nps.Benchmarks;

/// <summary>
/// The same 10 M rows and 1,000 segments grouped the ways one would write without the library, on one thread
/// (Dictionary and LINQ have no thread knob; the dense path's scaling is in <see cref="GroupedBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class GroupedAlternativesBenchmarks
{
    private int[] _segments = null!;
    private byte[] _ratings = null!;
    private DenseNpsAggregator _aggregator = null!;

    [Params(10_000_000)]
    public int Rows { get; set; }

    [Params(1_000)]
    public int Segments { get; set; }

    [Params(Skew.Uniform, Skew.Zipf)]
    public Skew Skew { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ratings = BenchmarkData.Ratings(Rows);
        _segments = BenchmarkData.Segments(Rows, Segments, Skew);
        _aggregator = new DenseNpsAggregator(Segments);
    }

    [Benchmark(Baseline = true, Description = "DenseNpsAggregator, 1 thread")]
    public long[] Aggregator()
    {
        _aggregator.Clear();
        _aggregator.Add(_segments, _ratings);
        return _aggregator.Histogram.ToArray();
    }

    [Benchmark(Description = "dense loop (plain flat[seg*11+r]++)")]
    public long[] Dense()
    {
        var flat = new long[Segments * Kernels.Buckets];
        Kernels.DenseLoop(_segments, _ratings, flat);
        return flat;
    }

    [Benchmark(Description = "Dictionary<int, long[]>")]
    public Dictionary<int, long[]> Dictionary() => Kernels.DictionaryGroup(_segments, _ratings);

    [Benchmark(Description = "LINQ GroupBy")]
    public Dictionary<int, long> LinqGroupBy() => Kernels.LinqGroupBy(_segments, _ratings);
}
