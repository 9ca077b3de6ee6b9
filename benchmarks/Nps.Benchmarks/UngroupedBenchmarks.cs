using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Nps.Benchmarks;

/// <summary>
/// Counting one-byte ratings without grouping. Each category has its own baseline, the memory-read limit at the
/// same thread count, so the Ratio column reads as "time relative to just reading the bytes".
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class UngroupedBenchmarks
{
    private readonly long[] _counts = new long[Kernels.Buckets];
    private byte[] _ratings = null!;

    [Params(10_000_000, 100_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _ratings = BenchmarkData.Ratings(Rows);

    [Benchmark(Baseline = true, Description = "read kernel (limit)")]
    [BenchmarkCategory("1 thread")]
    public byte ReadKernel() => Kernels.ReadAll(_ratings);

    [Benchmark(Description = "NpsDistribution.FromRatings")]
    [BenchmarkCategory("1 thread")]
    public NpsDistribution FromRatings() => NpsDistribution.FromRatings(_ratings);

    [Benchmark(Description = "plain loop")]
    [BenchmarkCategory("1 thread")]
    public long[] PlainLoop()
    {
        Array.Clear(_counts);
        RatingCounter.CountScalar(_ratings, _counts);
        return _counts;
    }

    [Benchmark(Description = "LINQ Count per value")]
    [BenchmarkCategory("1 thread")]
    public long[] Linq() => Kernels.LinqCountPerValue(_ratings);

    [Benchmark(Baseline = true, Description = "read kernel, all cores (limit)")]
    [BenchmarkCategory("all cores")]
    public byte ReadKernelAllCores() => Kernels.ReadAllParallel(_ratings, Environment.ProcessorCount);

    [Benchmark(Description = "NpsDistribution.FromRatingsParallel")]
    [BenchmarkCategory("all cores")]
    public NpsDistribution FromRatingsAllCores() => NpsDistribution.FromRatingsParallel(_ratings);
}
