using Nps.Insights;
using static Nps.Tests.Insights.CoachingSignalSimulationTests;

namespace Nps.Tests.Insights;

/// <summary>The rules around the tests: persistence, start dates, evidence, options.</summary>
public sealed class CoachingSignalDetectorTests
{
    private static List<SegmentPeriodCounts> Agents(Random random, int agents, int months, Func<int, int, (int N, double Score)> cell)
    {
        var cells = new List<SegmentPeriodCounts>();
        for (var agent = 0; agent < agents; agent++)
        {
            for (var month = 0; month < months; month++)
            {
                var (n, score) = cell(agent, month);
                cells.Add(new("a" + agent, Month(month), Sample(random, n, AtScore(score))));
            }
        }

        return cells;
    }

    [Fact]
    public void Detect_OneDisastrousMonthAmongNormalOnes_NoUnderperformance()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var flagged = 0;
        for (var seed = 0; seed < 10; seed++)
        {
            // Pooled over nine months a0 is about 27 points below its peers, but all of it comes from May.
            var cells = Agents(new Random(2100 + seed), 18, 9, (agent, month) => agent == 0 && month == 4 ? (150, -75) : (50, 25));
            if (detector.Detect(cells).Any(s => s.Kind == CoachingSignalKinds.Underperformance && s.Value == "a0")) flagged++;
        }

        Assert.Equal(0, flagged);
    }

    [Fact]
    public void Detect_Underperformer_EvidenceNamesWhenTheGapBeganAndThePeriodsBelow()
    {
        var cells = Agents(new Random(2200), 12, 8, (agent, _) => (80, agent == 5 ? -5 : 25));

        var signal = Assert.Single(new CoachingSignalDetector(new CoachingSignalOptions { WindowPeriods = 6 }).Detect(cells));

        Assert.Equal(CoachingSignalKinds.Underperformance, signal.Kind);
        Assert.Equal("a5", signal.Value);
        // Below from the first month on: the gap began then, and every period since kept the evidence up.
        Assert.Equal("2026-01", signal.Evidence.Since);
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"], signal.Evidence.Periods);
        Assert.Contains(signal.Evidence.SignalledIn, signal.Evidence.Periods);
        Assert.True(signal.Evidence.DifferenceLower < signal.Evidence.Difference && signal.Evidence.Difference < signal.Evidence.DifferenceUpper);
        Assert.Equal(cells.Where(c => c.Value == "a5").Sum(c => c.Distribution.Count), signal.Evidence.Count);
        Assert.InRange(signal.Evidence.Difference!.Value, -40, -20);
        Assert.Equal(signal.Evidence.Score - signal.Evidence.ReferenceScore, signal.Evidence.Difference.Value, 9);
        Assert.True(signal.Evidence.StandardError > 0);
        Assert.False(signal.Evidence.Weighted);
        Assert.Contains("lower in 8 of 8 periods", signal.Evidence.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_RequireLaunchDateWithoutDates_NoDropTested()
    {
        var cells = Agents(new Random(2300), 8, 9, (agent, month) => (60, agent == 0 && month < 3 ? 45 : agent == 0 ? 5 : 25));

        var withoutRequirement = new CoachingSignalDetector(new CoachingSignalOptions()).Detect(cells);
        var required = new CoachingSignalDetector(new CoachingSignalOptions { RequireLaunchDate = true }).Detect(cells);

        Assert.Contains(withoutRequirement, s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value == "a0");
        Assert.DoesNotContain(required, s => s.Kind == CoachingSignalKinds.PostLaunchDrop);
    }

    [Fact]
    public void Detect_StartDateBeforeTheData_NotTestedForADrop()
    {
        var cells = Agents(new Random(2400), 8, 9, (agent, month) => (60, agent == 0 && month < 3 ? 45 : agent == 0 ? 5 : 25));
        var launches = new Dictionary<string, DateOnly> { ["a0"] = new DateOnly(2025, 6, 1) };

        var signals = new CoachingSignalDetector(new CoachingSignalOptions { Launches = launches }).Detect(cells);

        Assert.DoesNotContain(signals, s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value == "a0");
    }

    [Theory]
    [InlineData(0.0, "A false discovery rate must lie strictly between 0 and 1; got 0.")]
    [InlineData(1.0, "A false discovery rate must lie strictly between 0 and 1; got 1.")]
    public void Create_FalseDiscoveryRateOutOfRange_Throws(double rate, string reason)
    {
        var error = Assert.Throws<NpsOptionsException>(() => new CoachingSignalDetector(new CoachingSignalOptions { FalseDiscoveryRate = rate }));
        Assert.Equal([new DataError(0, "FalseDiscoveryRate", reason)], error.Errors);
    }

    [Fact]
    public void Create_MorePeriodsBelowThanTheWindow_Throws()
    {
        var error = Assert.Throws<NpsOptionsException>(() =>
            new CoachingSignalDetector(new CoachingSignalOptions { WindowPeriods = 4, MinimumPeriodsBelow = 5 }));
        Assert.Equal([new DataError(0, "MinimumPeriodsBelow", "must be from 1 to the window's 4 periods (it is 5).")], error.Errors);
    }

    [Fact]
    public void Create_NullLaunches_Throws()
    {
        var error = Assert.Throws<NpsOptionsException>(() => new CoachingSignalDetector(new CoachingSignalOptions { Launches = null! }));
        Assert.Equal([new DataError(0, "Launches", "must not be null.")], error.Errors);
    }
}
