namespace Nps.Tests.Scoring;

/// <summary>The example of docs/scoring.md, kept compiling and true.</summary>
public sealed class ReadmeScoringExampleTests
{
    [Fact]
    public void ReadmeExample_RunsAndPrintsWhatTheReadmeSays()
    {
        byte[] ratings = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0, 10, 8];
        var distribution = NpsDistribution.FromRatings(ratings);
        Assert.Equal("n=12 NPS=25.0 (promoters 6, passives 3, detractors 3)", distribution.ToString());

        var interval = distribution.ConfidenceInterval();
        Assert.Equal("[-21.1, 61.1] (95% AdjustedWald)", interval.ToString());

        var lastMonth = NpsDistribution.FromCounts([3, 1, 2, 4, 2, 5, 8, 20, 25, 30, 40]);
        var comparison = NpsDistribution.Compare(distribution, lastMonth);
        Assert.InRange(comparison.PValue, 0.05, 1);

        Assert.Equal(1537, NpsSampleSize.ForMarginOfError(5));

        var weighted = WeightedNpsEstimate.FromInclusionProbabilities(ratings, [1, 1, 1, 1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
        Assert.False(double.IsNaN(weighted.Score));
    }
}
