namespace Nps.Tests.Scoring;

public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.90, 1.6448536269514722)]
    [InlineData(0.99, 2.5758293035489004)]
    [InlineData(0.999999, 4.891638475671084)]
    public void TwoSidedCriticalValue_KnownLevels_MatchesTables(double level, double expected) =>
        Assert.Equal(expected, NormalDistribution.TwoSidedCriticalValue(level), 1e-12);

    [Fact]
    public void TwoSidedCriticalValue_LevelsAlternating_EachItsOwnValue()
    {
        // The last level's value is remembered; asking for another level, and back, must not return a stale one.
        double[] levels = [0.95, 0.95, 0.90, 0.95, 0.99, 0.90, 0.90];
        var fresh = levels.Select(level => NormalDistribution.Quantile(0.5 + level / 2)).ToArray();
        var values = levels.Select(NormalDistribution.TwoSidedCriticalValue).ToArray();
        Assert.Equal(fresh, values);
        var parallel = Enumerable.Range(0, 64).AsParallel().Select(i => (Level: levels[i % levels.Length], Value: NormalDistribution.TwoSidedCriticalValue(levels[i % levels.Length]))).ToArray();
        Assert.All(parallel, p => Assert.Equal(NormalDistribution.Quantile(0.5 + p.Level / 2), p.Value));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(1.96, 0.024997895148220435)]
    [InlineData(3.0, 0.0013498980316301035)]
    [InlineData(5.0, 2.866515718791939e-07)]
    [InlineData(10.0, 7.61985302416047e-24)]
    public void UpperTail_KnownPoints_RelativeAccuracy(double x, double expected)
    {
        Assert.Equal(1, NormalDistribution.UpperTail(x) / expected, 1e-12);
        Assert.Equal(1, NormalDistribution.Cdf(-x) / expected, 1e-12);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-12)]
    [InlineData(0.001)]
    [InlineData(0.0243)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.77)]
    [InlineData(0.9999)]
    public void Quantile_RoundTripsThroughCdf(double p)
    {
        var z = NormalDistribution.Quantile(p);
        var back = z < 0 ? NormalDistribution.UpperTail(-z) : 1 - NormalDistribution.UpperTail(z);
        Assert.Equal(1, back / p, 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_OutsideOpenUnitInterval_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(p));
}
