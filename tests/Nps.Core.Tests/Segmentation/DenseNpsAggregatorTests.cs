using FsCheck;
using FsCheck.Xunit;
using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class DenseNpsAggregatorTests
{
    private static (int[] Ids, byte[] Ratings) Column(int[] raw, int segments)
    {
        var ids = raw.Select(x => (int)((uint)x % (uint)segments)).ToArray();
        var ratings = raw.Select(x => (byte)((uint)(x * 7 + 3) % 11)).ToArray();
        return (ids, ratings);
    }

    [Property(MaxTest = 300)]
    public bool Add_AnyInput_EqualsPlainLoop(int[] raw, PositiveInt segmentsRaw)
    {
        var segments = 1 + segmentsRaw.Get % 50;
        var (ids, ratings) = Column(raw, segments);
        var fast = new DenseNpsAggregator(segments);
        var plain = new DenseNpsAggregator(segments);
        fast.Add(ids, ratings);
        plain.AddPlain(ids, ratings);
        var shorts = new DenseNpsAggregator(segments);
        shorts.Add(ids.Select(i => (ushort)i).ToArray(), ratings);
        return fast.Histogram.SequenceEqual(plain.Histogram) && shorts.Histogram.SequenceEqual(plain.Histogram);
    }

    [Theory]
    [InlineData(1, 100_000)]
    [InlineData(7, 4_095)]
    [InlineData(1_000, 300_001)]
    [InlineData(30_000, 200_003)]
    public void AddAndAddParallel_LargeSeededInput_EqualPlainLoop(int segments, int rows)
    {
        var random = new Random(segments + rows);
        var ids = new int[rows];
        var ratings = new byte[rows];
        for (var i = 0; i < rows; i++)
        {
            // Runs of the same segment stress the store-to-load path the unrolled copies are for.
            ids[i] = i % 5 == 0 ? random.Next(segments) : ids[Math.Max(0, i - 1)];
            ratings[i] = (byte)random.Next(11);
        }

        var plain = new DenseNpsAggregator(segments);
        plain.AddPlain(ids, ratings);
        var fast = new DenseNpsAggregator(segments);
        fast.Add(ids, ratings);
        var parallel = new DenseNpsAggregator(segments);
        parallel.AddParallel(ids, ratings, maxDegreeOfParallelism: 3);
        var parallelShort = new DenseNpsAggregator(segments);
        parallelShort.AddParallel(ids.Select(i => (ushort)i).ToArray(), ratings);

        Assert.Equal(plain.Histogram.ToArray(), fast.Histogram.ToArray());
        Assert.Equal(plain.Histogram.ToArray(), parallel.Histogram.ToArray());
        Assert.Equal(plain.Histogram.ToArray(), parallelShort.Histogram.ToArray());
        Assert.Equal(rows, parallel.Count);
        Assert.Equal(NpsDistribution.FromRatings(ratings), parallel.GetTotal());
    }

    [Fact]
    public void Add_RatingAboveTen_ThrowsNamingIndexAndCountsNothing()
    {
        var aggregator = new DenseNpsAggregator(3);
        var error = Assert.Throws<ArgumentException>(() => aggregator.Add(new int[] { 0, 1, 2, 1 }, new byte[] { 1, 2, 11, 3 }));
        Assert.Equal("Rating at index 2 is 11; an NPS rating must be from 0 to 10. (Parameter 'ratings')", error.Message);
        Assert.Equal(0, aggregator.Count);
    }

    [Fact]
    public void Add_SegmentIdOutOfRange_ThrowsNamingIndex()
    {
        var aggregator = new DenseNpsAggregator(3);
        var error = Assert.Throws<ArgumentException>(() => aggregator.Add(new int[] { 0, 3, 2 }, new byte[] { 1, 2, 3 }));
        Assert.Equal("Segment id at index 1 is 3; it must be from 0 to 2. (Parameter 'segmentIds')", error.Message);
        var negative = Assert.Throws<ArgumentException>(() => aggregator.Add(new int[] { 0, 1, -1 }, new byte[] { 1, 2, 3 }));
        Assert.Equal("Segment id at index 2 is -1; it must be from 0 to 2. (Parameter 'segmentIds')", negative.Message);
    }

    [Fact]
    public void AddParallel_BadRowInLaterChunk_ThrowsWithAbsoluteIndex()
    {
        var rows = 1 << 18;
        var ids = new int[rows];
        var ratings = new byte[rows];
        ratings[200_000] = 12;
        var aggregator = new DenseNpsAggregator(1);
        var error = Assert.Throws<ArgumentException>(() => aggregator.AddParallel(ids, ratings, 4));
        Assert.Equal("Rating at index 200000 is 12; an NPS rating must be from 0 to 10. (Parameter 'ratings')", error.Message);
        Assert.Equal(0, aggregator.Count);
    }

    [Fact]
    public void SegmentIdMap_RawKeys_GetDenseIdsInFirstSeenOrder()
    {
        var map = new SegmentIdMap<(string Team, string Channel)>();
        Assert.Equal(0, map.GetOrAdd(("care", "phone")));
        Assert.Equal(1, map.GetOrAdd(("care", "chat")));
        Assert.Equal(0, map.GetOrAdd(("care", "phone")));
        Assert.Equal(2, map.Count);
        Assert.Equal(("care", "chat"), map[1]);
    }
}
