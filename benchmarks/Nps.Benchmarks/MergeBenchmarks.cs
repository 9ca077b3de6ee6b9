using BenchmarkDotNet.Attributes;

namespace Nps.Benchmarks;

/// <summary>
/// Merging one million 11-bucket histograms (88 MB), held flat: an NpsDistribution[] (a struct with inline
/// counts, no object per distribution) and the same counts as one long[]. Baseline: a vectorised sum of the same
/// 88 MB, the read limit.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private NpsDistribution[] _distributions = null!;
    private long[] _flat = null!;

    [Params(1_000_000)]
    public int Distributions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _distributions = new NpsDistribution[Distributions];
        _flat = new long[Distributions * Kernels.Buckets];
        Span<long> counts = stackalloc long[Kernels.Buckets];
        for (var d = 0; d < Distributions; d++)
        {
            for (var r = 0; r < Kernels.Buckets; r++) counts[r] = random.Next(1000);
            _distributions[d] = NpsDistribution.FromCounts(counts);
            counts.CopyTo(_flat.AsSpan(d * Kernels.Buckets));
        }
    }

    [Benchmark(Baseline = true, Description = "read kernel (limit)")]
    public long ReadKernel() => Kernels.SumAll(_flat);

    [Benchmark(Description = "NpsDistribution.Merge(NpsDistribution[])")]
    public NpsDistribution Merge() => NpsDistribution.Merge(_distributions);

    [Benchmark(Description = "NpsDistribution.MergeFlat(long[])")]
    public NpsDistribution MergeFlat() => NpsDistribution.MergeFlat(_flat);

    [Benchmark(Description = "plain loop of a + b")]
    public NpsDistribution PlainAdd()
    {
        var total = NpsDistribution.Empty;
        foreach (var d in _distributions) total += d;
        return total;
    }
}
