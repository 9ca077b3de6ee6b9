using BenchmarkDotNet.Attributes;

namespace Nps.Benchmarks;

/// <summary>
/// Confidence intervals per second: one operation is one 95 % interval for a random segment's counts (1,024
/// different count triples per invocation, so nothing is constant-folded).
/// </summary>
[MemoryDiagnoser]
public class IntervalBenchmarks
{
    private const int Batch = 1024;
    private NpsCategoryCounts[] _counts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _counts = new NpsCategoryCounts[Batch];
        for (var i = 0; i < Batch; i++) _counts[i] = new NpsCategoryCounts(random.Next(5, 500), random.Next(5, 500), random.Next(5, 500));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "AdjustedWald")]
    public double AdjustedWald() => Run(IntervalMethod.AdjustedWald);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Wald")]
    public double Wald() => Run(IntervalMethod.Wald);

    [Benchmark(OperationsPerInvoke = Batch, Description = "Score")]
    public double Score() => Run(IntervalMethod.Score);

    internal double Run(IntervalMethod method)
    {
        var sum = 0.0;
        foreach (var c in _counts)
        {
            var interval = c.ConfidenceInterval(0.95, method);
            sum += interval.Upper - interval.Lower;
        }

        return sum;
    }
}
