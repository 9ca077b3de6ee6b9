using FsCheck.Xunit;

namespace Nps.Tests.Scoring;

public sealed class NpsDistributionTests
{
    private static long[] PlainCounts(ReadOnlySpan<byte> ratings)
    {
        var counts = new long[11];
        foreach (var r in ratings) counts[r]++;
        return counts;
    }

    private static byte[] ToRatings(byte[] raw) => raw.Select(b => (byte)(b % 11)).ToArray();

    [Property(MaxTest = 3000)]
    public bool FromRatings_AnyInputAndSlice_EqualsPlainLoop(byte[] raw, int start, int trim)
    {
        var ratings = ToRatings(raw);
        var offset = ratings.Length == 0 ? 0 : (int)((uint)start % (uint)ratings.Length);
        var length = Math.Max(0, ratings.Length - offset - (int)((uint)trim % 8));
        var slice = ratings.AsSpan(offset, length); // misaligned: any start offset
        return NpsDistribution.FromRatings(slice).Counts.SequenceEqual(PlainCounts(slice));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(64 * 15)] // AVX-512 nibble counters are split into bytes every 15 vectors
    [InlineData(64 * 15 + 1)]
    [InlineData(64 * 16 + 63)]
    [InlineData(64 * 255)]
    [InlineData(64 * 255 + 1)]
    [InlineData(64 * 255 * 3 + 77)]
    [InlineData(1_000_003)]
    public void FromRatings_LengthsAroundVectorAndFlushBoundaries_EqualsPlainLoop(int length)
    {
        var random = new Random(length);
        var buffer = new byte[length + 3];
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)random.Next(11);

        for (var offset = 0; offset < 3; offset++)
        {
            var slice = buffer.AsSpan(offset, length);
            Assert.Equal(PlainCounts(slice), NpsDistribution.FromRatings(slice).Counts.ToArray());
        }
    }

    [Fact]
    public void FromRatings_AllSameValueBeyondByteCounterRange_CountsExactly()
    {
        // 255 vectors of one value fill a byte counter exactly; one more must not wrap.
        // Every value, as the AVX-512 path counts two values per byte (low and high nibble).
        var ratings = new byte[64 * 256 + 5];
        for (byte value = 0; value <= 10; value++)
        {
            Array.Fill(ratings, value);
            Assert.Equal(ratings.Length, NpsDistribution.FromRatings(ratings)[value]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(64 * 255 + 3)]
    [InlineData(99_998)]
    public void FromRatings_ByteAboveTen_ThrowsNamingFirstIndex(int badIndex)
    {
        var ratings = new byte[100_000];
        ratings[badIndex] = 11;
        ratings[^1] = 200;

        var error = Assert.Throws<ArgumentException>(() => NpsDistribution.FromRatings(ratings));

        Assert.Equal("ratings", error.ParamName);
        Assert.StartsWith($"Rating at index {badIndex} is 11; an NPS rating must be from 0 to 10.", error.Message);
    }

    [Fact]
    public void FromRatingsParallel_LargeInput_EqualsSequential()
    {
        var random = new Random(7);
        var ratings = new byte[5_000_011];
        for (var i = 0; i < ratings.Length; i++) ratings[i] = (byte)random.Next(11);

        Assert.Equal(NpsDistribution.FromRatings(ratings), NpsDistribution.FromRatingsParallel(ratings, 4));
        Assert.Equal(NpsDistribution.FromRatings(ratings), NpsDistribution.FromRatingsParallel(ratings));
    }

    [Fact]
    public void FromRatingsParallel_BadByteInLaterChunk_NamesAbsoluteIndex()
    {
        var ratings = new byte[4_200_000];
        ratings[3_999_999] = 12;

        var error = Assert.Throws<ArgumentException>(() => NpsDistribution.FromRatingsParallel(ratings, 4));

        Assert.StartsWith("Rating at index 3999999 is 12;", error.Message);
    }

    [Property(MaxTest = 2000)]
    public bool Merge_IsAssociativeAndCommutativeWithDefaultIdentity(byte[] a, byte[] b, byte[] c)
    {
        var x = NpsDistribution.FromRatings(ToRatings(a));
        var y = NpsDistribution.FromRatings(ToRatings(b));
        var z = NpsDistribution.FromRatings(ToRatings(c));
        return (x + y) + z == x + (y + z)
               && x + y == y + x
               && x + default(NpsDistribution) == x
               && default(NpsDistribution) + x == x
               && NpsDistribution.Merge([x, y, z]) == x + y + z
               && NpsDistribution.FromRatings(ToRatings(a).Concat(ToRatings(b)).ToArray()) == x + y;
    }

    [Property(MaxTest = 500)]
    public bool Merge_ManyDistributions_EqualsPairwiseSum(byte[][] parts)
    {
        var distributions = parts.Select(p => NpsDistribution.FromRatings(ToRatings(p))).ToArray();
        var expected = distributions.Aggregate(default(NpsDistribution), (acc, d) => acc + d);
        var flat = distributions.SelectMany(d => d.Counts.ToArray()).ToArray();
        return NpsDistribution.Merge(distributions) == expected && NpsDistribution.MergeFlat(flat) == expected;
    }

    [Property(MaxTest = 3000)]
    public bool Score_AlwaysWithinRange_AndMatchesDefinition(byte[] raw)
    {
        var ratings = ToRatings(raw);
        var d = NpsDistribution.FromRatings(ratings);
        if (ratings.Length == 0) return double.IsNaN(d.Score) && d.IsEmpty;
        var promoters = ratings.Count(r => r >= 9);
        var detractors = ratings.Count(r => r <= 6);
        var expected = 100.0 * (promoters - detractors) / ratings.Length;
        return d.Score is >= -100 and <= 100 && Math.Abs(d.Score - expected) < 1e-9
               && d.Promoters + d.Passives + d.Detractors == d.Count
               && Math.Abs(d.MeanRating - ratings.Average(r => (double)r)) < 1e-9;
    }

    [Property(MaxTest = 3000)]
    public bool Intervals_LieInRange_AndContainTheirCentre(ushort d, ushort pa, ushort p, byte levelIndex)
    {
        var counts = new NpsCategoryCounts(d % 500, pa % 500, p % 500);
        var level = new[] { 0.8, 0.9, 0.95, 0.99, 0.999 }[levelIndex % 5];
        foreach (var method in new[] { IntervalMethod.Wald, IntervalMethod.AdjustedWald, IntervalMethod.Score })
        {
            var interval = counts.ConfidenceInterval(level, method);
            if (!(interval.Lower >= -100 && interval.Upper <= 100 && interval.Lower <= interval.Upper)) return false;
            if (counts.IsEmpty) continue;
            if (!interval.Contains(interval.Center)) return false;
            // Wald and score intervals contain the plain estimate; adjusted Wald contains its adjusted centre.
            if (method != IntervalMethod.AdjustedWald && !interval.Contains(counts.Score)) return false;
        }

        return true;
    }

    [Property(MaxTest = 1000)]
    public bool ScoreInterval_IsWhereTheScoreStatisticIsWithinZ(ushort d, ushort pa, ushort p)
    {
        var counts = new NpsCategoryCounts(d % 300, pa % 300, p % 300);
        if (counts.IsEmpty) return true;
        var interval = counts.ConfidenceInterval(0.95, IntervalMethod.Score);
        var z = NormalDistribution.TwoSidedCriticalValue(0.95);
        double Statistic(double points) => NpsStatistics.ScoreStatistic(counts.Count, counts.Promoters, counts.Detractors, points / 100);
        // Just inside each bound the statistic is within ±z; just outside (when not at the range end) it is not.
        return Math.Abs(Statistic(interval.Lower + 1e-6)) <= z + 1e-6
               && Math.Abs(Statistic(interval.Upper - 1e-6)) <= z + 1e-6
               && (interval.Lower <= -100 + 1e-9 || Math.Abs(Statistic(interval.Lower - 1e-3)) > z)
               && (interval.Upper >= 100 - 1e-9 || Math.Abs(Statistic(interval.Upper + 1e-3)) > z);
    }

    [Fact]
    public void Classification_CoversZeroToTenExactlyOnce()
    {
        var categories = Enumerable.Range(0, 11).Select(NpsRating.Classify).ToArray();

        Assert.Equal(Enumerable.Repeat(NpsCategory.Detractor, 7).Concat([NpsCategory.Passive, NpsCategory.Passive, NpsCategory.Promoter, NpsCategory.Promoter]), categories);
        for (var r = 0; r <= 10; r++)
        {
            var d = NpsDistribution.FromRatings([(byte)r]);
            Assert.Equal(1, (d.Detractors == 1 ? 1 : 0) + (d.Passives == 1 ? 1 : 0) + (d.Promoters == 1 ? 1 : 0));
        }
    }

    [Fact]
    public void Empty_ReportsNoScoreExplicitly()
    {
        var empty = default(NpsDistribution);

        Assert.True(empty.IsEmpty);
        Assert.Equal(NpsDistribution.Empty, empty);
        Assert.True(double.IsNaN(empty.Score));
        Assert.True(double.IsNaN(empty.StandardError));
        Assert.True(double.IsNaN(empty.MeanRating));
        Assert.True(double.IsNaN(empty.PromoterShare));
        Assert.False(empty.TryGetScore(out _));
        var interval = empty.ConfidenceInterval();
        Assert.Equal((-100.0, 100.0), (interval.Lower, interval.Upper));
        Assert.True(double.IsNaN(interval.Center));
        Assert.Equal("n=0 (no score)", empty.ToString());
        var error = Assert.Throws<ArgumentException>(() => NpsDistribution.Compare(empty, NpsDistribution.FromRatings([9])));
        Assert.Equal("a", error.ParamName);
    }

    [Fact]
    public void Statistics_KnownDistribution_MatchDefinitions()
    {
        // 10 detractors, 20 passives, 30 promoters.
        var d = NpsDistribution.FromCounts([4, 0, 0, 0, 0, 0, 6, 12, 8, 10, 20]);

        Assert.Equal(60, d.Count);
        Assert.Equal((10L, 20L, 30L), (d.Detractors, d.Passives, d.Promoters));
        Assert.Equal(100.0 / 3, d.Score, 1e-12);
        Assert.Equal(0.5, d.PromoterShare, 1e-12);
        // p + d − (p − d)² = 0.5 + 1/6 − 1/9
        var variance = 0.5 + 1.0 / 6 - 1.0 / 9;
        Assert.Equal(variance, d.Variance, 1e-12);
        Assert.Equal(100 * Math.Sqrt(variance / 60), d.StandardError, 1e-12);
        Assert.Equal((6 * 6 + 7 * 12 + 8 * 8 + 9 * 10 + 10 * 20) / 60.0, d.MeanRating, 1e-12);
        Assert.Equal(20, d[10]);
        Assert.Equal("n=60 NPS=33.3 (promoters 30, passives 20, detractors 10)", d.ToString());
    }

    [Fact]
    public void Subtract_Part_GivesTheRest()
    {
        var total = NpsDistribution.FromRatings([0, 5, 7, 9, 10, 10]);
        var part = NpsDistribution.FromRatings([10, 5]);

        Assert.Equal(NpsDistribution.FromRatings([0, 7, 9, 10]), total.Subtract(part));
        Assert.Throws<ArgumentException>(() => part.Subtract(total));
    }

    [Fact]
    public void FromCounts_WrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => NpsDistribution.FromCounts([1, 2, 3]));
        Assert.StartsWith("Expected 11 counts (ratings 0 to 10); got 3.", error.Message);
    }

    [Fact]
    public void FromCounts_NegativeCount_ThrowsNamingRating()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NpsDistribution.FromCounts([0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0]));
        Assert.StartsWith("The count of rating 3 is negative (-1).", error.Message);
    }

    [Fact]
    public void CategoryCounts_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NpsCategoryCounts(1, -2, 3));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void ConfidenceInterval_LevelOutsideOpenUnitInterval_Throws(double level)
    {
        var d = NpsDistribution.FromRatings([9, 10, 3]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => d.ConfidenceInterval(level));

        Assert.Equal("level", error.ParamName);
        Assert.Contains("A confidence level must lie strictly between 0 and 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsDistribution.Compare(d, d, level));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsSampleSize.ForMarginOfError(5, level));
    }
}
