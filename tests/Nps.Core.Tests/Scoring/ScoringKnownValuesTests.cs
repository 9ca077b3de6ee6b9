namespace Nps.Tests.Scoring;

/// <summary>
/// Intervals, comparisons and sample sizes against figures computed independently by reference_values.py
/// (Python standard library; its score interval maximises the likelihood numerically instead of using
/// Tango's closed form). Regenerate the table with <c>python3 reference_values.py</c>.
/// </summary>
public sealed class ScoringKnownValuesTests
{
    public static TheoryData<long, long, long, double, IntervalMethod, double, double> Intervals => new()
    {
        { 10, 20, 30, 0.9, IntervalMethod.Wald, 17.505721928367265, 49.160944738299406 },
        { 10, 20, 30, 0.9, IntervalMethod.AdjustedWald, 16.26662632756509, 47.2254371644984 },
        { 10, 20, 30, 0.9, IntervalMethod.Score, 16.5631422705811, 48.02729043057703 },
        { 10, 20, 30, 0.95, IntervalMethod.Wald, 14.473571098730481, 52.19309556793619 },
        { 10, 20, 30, 0.95, IntervalMethod.AdjustedWald, 13.301182535638201, 50.19088095642529 },
        { 10, 20, 30, 0.95, IntervalMethod.Score, 13.174019007416826, 50.56389299765374 },
        { 10, 20, 30, 0.99, IntervalMethod.Wald, 8.547404303491945, 58.11926236317473 },
        { 10, 20, 30, 0.99, IntervalMethod.AdjustedWald, 7.5053908615912714, 55.98667263047221 },
        { 10, 20, 30, 0.99, IntervalMethod.Score, 6.452969014033369, 55.24425085798343 },
        { 0, 0, 10, 0.9, IntervalMethod.Wald, 100.0, 100 },
        { 0, 0, 10, 0.9, IntervalMethod.AdjustedWald, 52.233432927898264, 100 },
        { 0, 0, 10, 0.9, IntervalMethod.Score, 57.41160598331867, 100.0 },
        { 0, 0, 10, 0.95, IntervalMethod.Wald, 100.0, 100 },
        { 0, 0, 10, 0.95, IntervalMethod.AdjustedWald, 47.503551544790206, 100 },
        { 0, 0, 10, 0.95, IntervalMethod.Score, 44.4934400274222, 100.0 },
        { 0, 0, 10, 0.99, IntervalMethod.Wald, 100.0, 100 },
        { 0, 0, 10, 0.99, IntervalMethod.AdjustedWald, 38.2592666879747, 100 },
        { 0, 0, 10, 0.99, IntervalMethod.Score, 20.229181339018425, 100.0 },
        { 5, 5, 5, 0.9, IntervalMethod.Wald, -34.67655919170381, 34.67655919170381 },
        { 5, 5, 5, 0.9, IntervalMethod.AdjustedWald, -30.988722422014753, 30.988722422014753 },
        { 5, 5, 5, 0.9, IntervalMethod.Score, -33.11422653441676, 33.11422657451224 },
        { 5, 5, 5, 0.95, IntervalMethod.Wald, -41.319668820304095, 41.319668820304095 },
        { 5, 5, 5, 0.95, IntervalMethod.AdjustedWald, -36.92534027275465, 36.92534027275465 },
        { 5, 5, 5, 0.95, IntervalMethod.Score, -38.701205699906524, 38.70120577587185 },
        { 5, 5, 5, 0.99, IntervalMethod.Wald, -54.303249753465074, 54.303249753465074 },
        { 5, 5, 5, 0.99, IntervalMethod.AdjustedWald, -48.52812310242328, 48.52812310242328 },
        { 5, 5, 5, 0.99, IntervalMethod.Score, -48.559287650597405, 48.55928762841163 },
        { 1, 2, 3, 0.9, IntervalMethod.Wald, -16.717968626417125, 83.3846352930838 },
        { 1, 2, 3, 0.9, IntervalMethod.AdjustedWald, -18.87090483543089, 63.315349279875335 },
        { 1, 2, 3, 0.9, IntervalMethod.Score, -21.636069702444193, 71.03377621006288 },
        { 1, 2, 3, 0.95, IntervalMethod.Wald, -26.306471457238544, 92.97313812390522 },
        { 1, 2, 3, 0.95, IntervalMethod.AdjustedWald, -26.74325879410453, 71.18770323854898 },
        { 1, 2, 3, 0.95, IntervalMethod.Score, -31.107378215156643, 75.39566630051786 },
        { 1, 2, 3, 0.99, IntervalMethod.Wald, -45.04665632425301, 100 },
        { 1, 2, 3, 0.99, IntervalMethod.AdjustedWald, -42.12932804048328, 86.57377248492773 },
        { 1, 2, 3, 0.99, IntervalMethod.Score, -46.702909207417406, 81.88380032556427 },
        { 50, 30, 20, 0.9, IntervalMethod.Wald, -42.846717506811615, -17.153282493188385 },
        { 50, 30, 20, 0.9, IntervalMethod.AdjustedWald, -41.77762240629005, -16.474804778175965 },
        { 50, 30, 20, 0.9, IntervalMethod.Score, -42.174566130757874, -16.617343602702 },
        { 50, 30, 20, 0.95, IntervalMethod.Wald, -45.307808075042665, -14.692191924957331 },
        { 50, 30, 20, 0.95, IntervalMethod.AdjustedWald, -44.20129700570441, -14.051130178761609 },
        { 50, 30, 20, 0.95, IntervalMethod.Score, -44.339306597177874, -13.955141618789051 },
        { 50, 30, 20, 0.99, IntervalMethod.Wald, -50.11786998323365, -9.882130016766341 },
        { 50, 30, 20, 0.99, IntervalMethod.AdjustedWald, -48.938231525295215, -9.3141956591708 },
        { 50, 30, 20, 0.99, IntervalMethod.Score, -48.40075636608848, -8.695402692141826 },
        { 100, 200, 700, 0.9, IntervalMethod.Wald, 56.549725924217064, 63.45027407578293 },
        { 100, 200, 700, 0.9, IntervalMethod.AdjustedWald, 56.37052618293917, 63.27055058675174 },
        { 100, 200, 700, 0.9, IntervalMethod.Score, 56.42374562830017, 63.32563679661687 },
        { 100, 200, 700, 0.95, IntervalMethod.Wald, 55.88874486183912, 64.11125513816087 },
        { 100, 200, 700, 0.95, IntervalMethod.AdjustedWald, 55.70959528865497, 63.931481481035945 },
        { 100, 200, 700, 0.95, IntervalMethod.Score, 55.7097743108361, 63.93454310437321 },
        { 100, 200, 700, 0.99, IntervalMethod.Wald, 54.596894870123904, 65.4031051298761 },
        { 100, 200, 700, 0.99, IntervalMethod.AdjustedWald, 54.41784334763309, 65.22323342205783 },
        { 100, 200, 700, 0.99, IntervalMethod.Score, 54.28753951194598, 65.09879988949427 },
        { 3, 0, 0, 0.9, IntervalMethod.Wald, -100, -100.0 },
        { 3, 0, 0, 0.9, IntervalMethod.AdjustedWald, -97.48283421489822, -2.5171657851017826 },
        { 3, 0, 0, 0.9, IntervalMethod.Score, -100.0, -5.160885168497509 },
        { 3, 0, 0, 0.95, IntervalMethod.Wald, -100, -100.0 },
        { 3, 0, 0, 0.95, IntervalMethod.AdjustedWald, -100, 6.579286703808574 },
        { 3, 0, 0, 0.95, IntervalMethod.Score, -100.0, 12.299406351009058 },
        { 3, 0, 0, 0.99, IntervalMethod.Wald, -100, -100.0 },
        { 3, 0, 0, 0.99, IntervalMethod.AdjustedWald, -100, 24.357787089524173 },
        { 3, 0, 0, 0.99, IntervalMethod.Score, -100.0, 37.726368549050584 },
        { 0, 10, 0, 0.9, IntervalMethod.Wald, 0.0, 0.0 },
        { 0, 10, 0, 0.9, IntervalMethod.AdjustedWald, -15.496354183066682, 15.496354183066682 },
        { 0, 10, 0, 0.9, IntervalMethod.Score, -21.294197008340692, 21.294197008340692 },
        { 0, 10, 0, 0.95, IntervalMethod.Wald, 0.0, 0.0 },
        { 0, 10, 0, 0.95, IntervalMethod.AdjustedWald, -18.465044909058882, 18.465044909058882 },
        { 0, 10, 0, 0.95, IntervalMethod.Score, -27.753279986288916, 27.753279986288916 },
        { 0, 10, 0, 0.99, IntervalMethod.Wald, 0.0, 0.0 },
        { 0, 10, 0, 0.99, IntervalMethod.AdjustedWald, -24.267182531551416, 24.267182531551416 },
        { 0, 10, 0, 0.99, IntervalMethod.Score, -39.88540933049081, 39.88540933049081 },
        { 12, 25, 63, 0.9, IntervalMethod.Wald, 39.48719956673729, 62.51280043326272 },
        { 12, 25, 63, 0.9, IntervalMethod.AdjustedWald, 38.08244552335386, 60.94668069023837 },
        { 12, 25, 63, 0.9, IntervalMethod.Score, 38.48136942242291, 61.48346867961809 },
        { 12, 25, 63, 0.95, IntervalMethod.Wald, 37.281652153928846, 64.71834784607115 },
        { 12, 25, 63, 0.95, IntervalMethod.AdjustedWald, 35.892354806048054, 63.13677140754417 },
        { 12, 25, 63, 0.95, IntervalMethod.Score, 35.86459023694468, 63.25867965456842 },
        { 12, 25, 63, 0.99, IntervalMethod.Wald, 32.97103484711258, 69.02896515288742 },
        { 12, 25, 63, 0.99, IntervalMethod.AdjustedWald, 31.611946733797737, 67.41717947979448 },
        { 12, 25, 63, 0.99, IntervalMethod.Score, 30.571574635557695, 66.51721001976334 },
        { 40, 10, 50, 0.9, IntervalMethod.Wald, -5.517518081655057, 25.517518081655055 },
        { 40, 10, 50, 0.9, IntervalMethod.AdjustedWald, -5.485684567358895, 24.903160295514237 },
        { 40, 10, 50, 0.9, IntervalMethod.Score, -5.585717592057679, 25.087588600562004 },
        { 40, 10, 50, 0.95, IntervalMethod.Wald, -8.49026324966135, 28.490263249661346 },
        { 40, 10, 50, 0.95, IntervalMethod.AdjustedWald, -8.396533172529772, 27.814008900685117 },
        { 40, 10, 50, 0.95, IntervalMethod.Score, -8.536444042266067, 27.836420178321553 },
        { 40, 10, 50, 0.99, IntervalMethod.Wald, -14.300325049078827, 34.30032504907882 },
        { 40, 10, 50, 0.99, IntervalMethod.AdjustedWald, -14.085621651019617, 33.50309737917496 },
        { 40, 10, 50, 0.99, IntervalMethod.Score, -14.21211261302232, 33.032760048913886 },
        { 7, 13, 2, 0.9, IntervalMethod.Wald, -43.693306793923156, -1.761238660622297 },
        { 7, 13, 2, 0.9, IntervalMethod.AdjustedWald, -40.27911746162792, 0.27911746162792017 },
        { 7, 13, 2, 0.9, IntervalMethod.Score, -43.276421259618694, -0.32688684607460605 },
        { 7, 13, 2, 0.95, IntervalMethod.Wald, -47.70984321011548, 2.2552977555700293 },
        { 7, 13, 2, 0.95, IntervalMethod.AdjustedWald, -44.164058863227154, 4.164058863227152 },
        { 7, 13, 2, 0.95, IntervalMethod.Score, -47.00214159763703, 4.468521393242448 },
        { 7, 13, 2, 0.99, IntervalMethod.Wald, -55.55993579418281, 10.105390339637363 },
        { 7, 13, 2, 0.99, IntervalMethod.AdjustedWald, -51.756956456109336, 11.75695645610933 },
        { 7, 13, 2, 0.99, IntervalMethod.Score, -53.86654941681188, 14.127077408262906 },
        { 250, 500, 250, 0.9, IntervalMethod.Wald, -3.678004522900571, 3.678004522900571 },
        { 250, 500, 250, 0.9, IntervalMethod.AdjustedWald, -3.672499898429564, 3.672499898429564 },
        { 250, 500, 250, 0.9, IntervalMethod.Score, -3.677991113511378, 3.677991126096472 },
        { 250, 500, 250, 0.95, IntervalMethod.Wald, -4.382612702882907, 4.382612702882907 },
        { 250, 500, 250, 0.95, IntervalMethod.AdjustedWald, -4.376053538264967, 4.376053538264967 },
        { 250, 500, 250, 0.95, IntervalMethod.Score, -4.382580591891448, 4.382580579868719 },
        { 250, 500, 250, 0.99, IntervalMethod.Wald, -5.759729421171281, 5.759729421171281 },
        { 250, 500, 250, 0.99, IntervalMethod.AdjustedWald, -5.751109217655829, 5.751109217655829 },
        { 250, 500, 250, 0.99, IntervalMethod.Score, -5.759604267525133, 5.759604281235359 },
    };

    [Theory]
    [MemberData(nameof(Intervals))]
    public void ConfidenceInterval_KnownCounts_MatchesIndependentReference(
        long detractors, long passives, long promoters, double level, IntervalMethod method, double lower, double upper)
    {
        var interval = new NpsCategoryCounts(detractors, passives, promoters).ConfidenceInterval(level, method);

        Assert.Equal(lower, interval.Lower, 1e-6);
        Assert.Equal(upper, interval.Upper, 1e-6);
        Assert.Equal(level, interval.Level);
        Assert.Equal(method, interval.Method);
    }

    [Fact]
    public void ConfidenceInterval_DistributionAndCategoryCounts_Agree()
    {
        var distribution = NpsDistribution.FromCounts([4, 0, 0, 0, 0, 0, 6, 12, 8, 10, 20]);
        var counts = new NpsCategoryCounts(10, 20, 30);

        foreach (var method in new[] { IntervalMethod.AdjustedWald, IntervalMethod.Wald, IntervalMethod.Score })
        {
            Assert.Equal(counts.ConfidenceInterval(0.95, method), distribution.ConfidenceInterval(0.95, method));
        }
    }

    public static TheoryData<long[], long[], double, double, double, double, double> Comparisons => new()
    {
        { [10, 20, 30], [20, 20, 20], 33.333333333333336, 14.272480642961252, 0.019517481182177665, 5.359785303084212, 61.30688136358246 },
        { [50, 30, 20], [40, 10, 50], -40.0, 12.24744871391589, 0.0010908351761251822, -64.00455838177655, -15.995441618223456 },
        { [12, 25, 63], [7, 13, 2], 73.72727272727272, 14.54172705337871, 3.9771271609367886e-07, 45.22601142963869, 102.22853402490675 },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Compare_KnownCounts_MatchesIndependentReference(
        long[] a, long[] b, double difference, double standardError, double pValue, double lower, double upper)
    {
        var comparison = NpsCategoryCounts.Compare(new NpsCategoryCounts(a[0], a[1], a[2]), new NpsCategoryCounts(b[0], b[1], b[2]));

        Assert.Equal(difference, comparison.Difference, 1e-9);
        Assert.Equal(standardError, comparison.StandardError, 1e-9);
        Assert.Equal(pValue, comparison.PValue, 1e-9 * Math.Max(1, pValue * 1e6));
        Assert.Equal(lower, comparison.Interval.Lower, 1e-6);
        Assert.Equal(upper, comparison.Interval.Upper, 1e-6);
    }

    [Fact]
    public void Compare_VeryDifferentLargeSamples_PValueIsTinyButPositive()
    {
        var comparison = NpsCategoryCounts.Compare(new NpsCategoryCounts(100, 200, 700), new NpsCategoryCounts(250, 500, 250));

        Assert.Equal(60.0, comparison.Difference, 1e-9);
        Assert.Equal(3.065941943351178, comparison.StandardError, 1e-9);
        // z ≈ 19.57: the upper tail is about 1.4e-85, kept with relative precision instead of rounding to 0.
        Assert.InRange(comparison.PValue, 1e-90, 1e-80);
        Assert.True(comparison.IsSignificant);
    }

    [Theory]
    [InlineData(5, 1537)]
    [InlineData(10, 385)]
    [InlineData(3, 4269)]
    public void ForMarginOfError_WorstCase_MatchesReference(double margin, long expected) =>
        Assert.Equal(expected, NpsSampleSize.ForMarginOfError(margin));

    [Fact]
    public void ForMarginOfError_ExpectedShares_UsesTheirVariance() =>
        Assert.Equal(677, NpsSampleSize.ForMarginOfError(5, expectedPromoterShare: 0.5, expectedDetractorShare: 0.1));

    [Theory]
    [InlineData(10, 1570)]
    [InlineData(20, 393)]
    public void PerGroupToDetectDifference_WorstCase_MatchesReference(double difference, long expected) =>
        Assert.Equal(expected, NpsSampleSize.PerGroupToDetectDifference(difference));
}
