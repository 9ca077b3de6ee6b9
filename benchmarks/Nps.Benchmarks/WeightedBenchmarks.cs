using BenchmarkDotNet.Attributes;

namespace Nps.Benchmarks;

/// <summary>
/// A weighted (design-based) estimate over 10 M rows: ratings as bytes plus one double weight each (90 MB).
/// Baseline: reading the same bytes and weights once.
/// </summary>
[MemoryDiagnoser]
public class WeightedBenchmarks
{
    private byte[] _ratings = null!;
    private double[] _weights = null!;

    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ratings = BenchmarkData.Ratings(Rows);
        _weights = BenchmarkData.Weights(Rows);
    }

    [Benchmark(Baseline = true, Description = "read kernel (limit)")]
    public long ReadKernel() =>
        Kernels.ReadAll(_ratings) + Kernels.SumAll(System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(_weights));

    [Benchmark(Description = "WeightedNpsEstimate.FromRatings")]
    public WeightedNpsEstimate FromRatings() => WeightedNpsEstimate.FromRatings(_ratings, _weights);

    [Benchmark(Description = "WeightedNpsAccumulator.Add loop")]
    public WeightedNpsEstimate AccumulatorLoop()
    {
        var accumulator = default(WeightedNpsAccumulator);
        for (var i = 0; i < _ratings.Length; i++) accumulator.Add(_ratings[i], _weights[i]);
        return accumulator.ToEstimate();
    }
}
