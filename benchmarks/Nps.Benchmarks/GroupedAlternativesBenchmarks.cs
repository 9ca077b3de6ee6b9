using BenchmarkDotNet.Attributes;

namespace Nps.Benchmarks;

/// <summary>
/// The same 10 M rows and 1,000 segments grouped the ways one would write without the library, on one thread
/// (Dictionary and LINQ have no thread knob; the dense path's scaling is in <see cref="GroupedBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class GroupedAlternativesBenchmarks : GroupedInput
{
    [Benchmark(Baseline = true, Description = "DenseNpsAggregator, 1 thread")]
    public long[] AggregatorAdd()
    {
        Aggregator.Clear();
        Aggregator.Add(SegmentIds, Ratings);
        return Aggregator.Histogram.ToArray();
    }

    [Benchmark(Description = "dense loop (plain flat[seg*11+r]++)")]
    public long[] Dense() => DenseLoopSingle();

    [Benchmark(Description = "Dictionary<int, long[]>")]
    public Dictionary<int, long[]> Dictionary() => Kernels.DictionaryGroup(SegmentIds, Ratings);

    [Benchmark(Description = "LINQ GroupBy")]
    public Dictionary<int, long> LinqGroupBy() => Kernels.LinqGroupBy(SegmentIds, Ratings);
}
