namespace Nps.Tests.Scoring;

public sealed class NpsOneSampleTestTests
{
    [Fact]
    public void Of_ScoreAboveValue_MatchesHandComputation()
    {
        // 50 promoters, 30 passives, 20 detractors: NPS 30, variance 0.5 + 0.2 − 0.3² = 0.61,
        // SE = 100·√(0.61/100) = 7.810250, z = (30 − 20)/7.810250 = 1.280369,
        // two-sided p = 2·Q(1.280369) = 0.200415, above: Q(z) = 0.100208, below: Φ(z) = 0.899792.
        var test = NpsOneSampleTest.Of(new NpsCategoryCounts(20, 30, 50), 20);

        Assert.Equal(30, test.Score, 12);
        Assert.Equal(10, test.Difference, 12);
        Assert.Equal(7.810249675906654, test.StandardError, 12);
        Assert.Equal(1.2803687993289599, test.ZScore, 12);
        Assert.Equal(0.20041546169285487, test.PValue, 10);
        Assert.Equal(0.10020773084642744, test.PValueAbove, 10);
        Assert.Equal(0.8997922691535726, test.PValueBelow, 10);
    }

    [Fact]
    public void Of_ScoreBelowValue_MatchesHandComputation()
    {
        // 100 promoters, 180 passives, 120 detractors of 400: NPS −5, variance 0.25 + 0.3 − 0.05² = 0.5475,
        // SE = 100·√(0.5475/400) = 3.699662, z = −5/3.699662 = −1.351475, two-sided p = 0.176543,
        // above: Q(z) = 0.911728, below: Φ(z) = 0.088272.
        var test = NpsOneSampleTest.Of(NpsDistribution.FromCounts([10, 10, 10, 10, 20, 30, 30, 90, 90, 50, 50]), 0);

        Assert.Equal(-5, test.Score, 12);
        Assert.Equal(3.6996621467371855, test.StandardError, 12);
        Assert.Equal(-1.3514747567989716, test.ZScore, 12);
        Assert.Equal(0.17654340083432984, test.PValue, 10);
        Assert.Equal(0.9117282995828351, test.PValueAbove, 10);
        Assert.Equal(0.08827170041716492, test.PValueBelow, 10);
    }

    [Fact]
    public void Of_AllPromotersAgainstLowerValue_IsCertain()
    {
        var test = NpsOneSampleTest.Of(new NpsCategoryCounts(0, 0, 10), 50);

        Assert.Equal(0, test.StandardError);
        Assert.Equal(double.PositiveInfinity, test.ZScore);
        Assert.Equal(0, test.PValue);
        Assert.Equal(0, test.PValueAbove);
        Assert.Equal(1, test.PValueBelow);
    }

    [Fact]
    public void Of_EmptySample_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => NpsOneSampleTest.Of(default(NpsCategoryCounts), 10));
        Assert.Equal("Cannot test an empty sample: it has no score. (Parameter 'counts')", error.Message);
    }

    [Fact]
    public void Of_ValueOutsideRange_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NpsOneSampleTest.Of(new NpsCategoryCounts(1, 1, 1), 101));
        Assert.StartsWith("A Net Promoter Score lies in [-100, 100]; got 101.", error.Message, StringComparison.Ordinal);
    }
}
