using BenchmarkDotNet.Attributes;
using Nps.Segmentation;

namespace Nps.Benchmarks;

/// <summary>
/// The grouped benchmarks' shared input: 10 M rows of (segment id, rating) as two columns, 1,000 segments,
/// uniform or Zipf, and a reusable <see cref="DenseNpsAggregator"/>.
/// </summary>
public abstract class GroupedInput
{
    [Params(10_000_000)]
    public int Rows { get; set; }

    [Params(1_000)]
    public int Segments { get; set; }

    [Params(Skew.Uniform, Skew.Zipf)]
    public Skew Skew { get; set; }

    protected int[] SegmentIds { get; private set; } = null!;

    protected byte[] Ratings { get; private set; } = null!;

    protected DenseNpsAggregator Aggregator { get; private set; } = null!;

    /// <summary>The histogram the last aggregator run counted (smoke checks).</summary>
    internal ReadOnlySpan<long> AggregatorHistogram => Aggregator.Histogram;

    [GlobalSetup]
    public void Setup()
    {
        Ratings = BenchmarkData.Ratings(Rows);
        SegmentIds = BenchmarkData.Segments(Rows, Segments, Skew);
        Aggregator = new DenseNpsAggregator(Segments);
    }

    /// <summary>The plain dense loop on one thread into a new flat table.</summary>
    protected long[] DenseLoopSingle()
    {
        var flat = new long[Segments * Kernels.Buckets];
        Kernels.DenseLoop(SegmentIds, Ratings, flat);
        return flat;
    }
}
