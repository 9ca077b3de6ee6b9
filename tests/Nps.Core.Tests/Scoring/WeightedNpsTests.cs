using FsCheck.Xunit;

namespace Nps.Tests.Scoring;

public sealed class WeightedNpsTests
{
    [Fact]
    public void FromRatings_KnownWeights_MatchesHandComputation()
    {
        // Two promoters weight 1, one detractor weight 3: NPS_w = (2 − 3) / 5 = −20.
        var estimate = WeightedNpsEstimate.FromRatings([10, 9, 0], [1, 1, 3]);

        Assert.Equal(-20, estimate.Score, 1e-12);
        Assert.Equal(25.0 / 11, estimate.EffectiveSampleSize, 1e-12); // (Σw)²/Σw² = 25/11
        Assert.Equal(5, estimate.SumOfWeights);
        // Linearised: n/(n−1)·Σw²(x−R)²/(Σw)² with R = −0.2: (1.44 + 1.44 + 9·0.64) = 8.64 → 1.5·8.64/25
        Assert.Equal(100 * Math.Sqrt(1.5 * 8.64 / 25), estimate.StandardError, 1e-12);
    }

    [Property(MaxTest = 1000)]
    public bool EqualWeights_IntervalsEqualUnweighted(byte[] raw, byte weightSeed)
    {
        var ratings = raw.Select(b => (byte)(b % 11)).ToArray();
        var weight = 1 + weightSeed % 7;
        var estimate = WeightedNpsEstimate.FromRatings(ratings, Enumerable.Repeat((double)weight, ratings.Length).ToArray());
        var plain = NpsDistribution.FromRatings(ratings);
        if (ratings.Length == 0) return estimate.IsEmpty && double.IsNaN(estimate.Score);
        var a = estimate.ConfidenceInterval();
        var b = plain.ConfidenceInterval();
        var s = estimate.ConfidenceInterval(0.95, IntervalMethod.Score);
        var t = plain.ConfidenceInterval(0.95, IntervalMethod.Score);
        return Math.Abs(estimate.Score - plain.Score) < 1e-9
               && Math.Abs(estimate.EffectiveSampleSize - ratings.Length) < 1e-6
               && Math.Abs(a.Lower - b.Lower) < 1e-6 && Math.Abs(a.Upper - b.Upper) < 1e-6
               && Math.Abs(s.Lower - t.Lower) < 1e-6 && Math.Abs(s.Upper - t.Upper) < 1e-6;
    }

    [Fact]
    public void Accumulator_MergeOfParts_EqualsWhole()
    {
        var random = new Random(3);
        WeightedNpsAccumulator whole = default, left = default, right = default;
        for (var i = 0; i < 1000; i++)
        {
            var rating = random.Next(11);
            var weight = 1 / (0.05 + random.NextDouble());
            whole.Add(rating, weight);
            if (i % 3 == 0) left.Add(rating, weight);
            else right.Add(rating, weight);
        }

        left.Add(in right);
        Assert.Equal(whole.ToEstimate().Score, left.ToEstimate().Score, 1e-9);
        Assert.Equal(whole.ToEstimate().StandardError, left.ToEstimate().StandardError, 1e-9);
        Assert.Equal(1000, left.Count);
    }

    [Fact]
    public void FromInclusionProbabilities_UnequalRates_WeightsBackToPopulation()
    {
        // A small channel sampled at 100 % (all detractors), a large one at 10 % (all promoters): the population
        // is 10 detractors and 100 promoters, so the weighted NPS is (100 − 10) / 110, not (10 − 10) / 20.
        var ratings = Enumerable.Repeat((byte)0, 10).Concat(Enumerable.Repeat((byte)10, 10)).ToArray();
        var probabilities = Enumerable.Repeat(1.0, 10).Concat(Enumerable.Repeat(0.1, 10)).ToArray();

        var estimate = WeightedNpsEstimate.FromInclusionProbabilities(ratings, probabilities);

        Assert.Equal(100.0 * 90 / 110, estimate.Score, 1e-9);
        Assert.Equal(0, NpsDistribution.FromRatings(ratings).Score);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromRatings_InvalidWeight_ThrowsNamingIndex(double weight)
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedNpsEstimate.FromRatings([9, 9, 9], [1, weight, 1]));
        Assert.StartsWith("Weight at index 1 is", error.Message);
        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void FromRatings_RatingAboveTen_ThrowsNamingIndex()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedNpsEstimate.FromRatings([9, 11], [1, 1]));
        Assert.StartsWith("Rating at index 1 is 11", error.Message);
    }

    [Fact]
    public void FromInclusionProbabilities_ProbabilityAboveOne_Throws() =>
        Assert.Throws<ArgumentException>(() => WeightedNpsEstimate.FromInclusionProbabilities([9], [1.5]));

    [Fact]
    public void Empty_HasNoScore()
    {
        var empty = default(WeightedNpsEstimate);
        Assert.True(double.IsNaN(empty.Score));
        Assert.True(double.IsNaN(empty.PromoterShare));
        Assert.True(double.IsNaN(empty.StandardError));
        Assert.Equal(200, empty.ConfidenceInterval().Width);
    }
}

public sealed class SampleSizeBadInputTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(101.0)]
    [InlineData(double.NaN)]
    public void ForMarginOfError_BadMargin_Throws(double margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsSampleSize.ForMarginOfError(margin));

    [Fact]
    public void ForMarginOfError_SharesAboveOne_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => NpsSampleSize.ForMarginOfError(5, 0.7, 0.4));
        Assert.StartsWith("Promoter and detractor shares add to 1.1", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void PerGroupToDetectDifference_BadPower_Throws(double power) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsSampleSize.PerGroupToDetectDifference(10, 0.95, power));

    [Fact]
    public void PerGroupToDetectDifference_ExpectedShares_SmallerThanWorstCase() =>
        Assert.True(NpsSampleSize.PerGroupToDetectDifference(10, 0.5, 0.1, 0.4, 0.15) < NpsSampleSize.PerGroupToDetectDifference(10));
}
