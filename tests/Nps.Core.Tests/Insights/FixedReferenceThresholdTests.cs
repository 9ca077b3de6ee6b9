using Nps.Insights;
using Nps.Segmentation;

namespace Nps.Tests.Insights;

public sealed class FixedReferenceThresholdTests
{
    [Fact]
    public void For_ExactReference_AlarmChanceWithinTheWatchIsItsShareOfTheRate()
    {
        var threshold = FixedReferenceThreshold.For(GapMonitor.DropAllowance, 0, 12, 400 * 12);

        Assert.Equal(12.0 / 4800, FixedReferenceThreshold.AlarmProbability(GapMonitor.DropAllowance, threshold, 0, 12), 1e-5);
    }

    [Fact]
    public void For_ReferenceEstimatedFromFewerPeriods_HigherThreshold()
    {
        var exact = FixedReferenceThreshold.For(GapMonitor.DropAllowance, 0, 12, 4800);
        var sixPeriods = FixedReferenceThreshold.For(GapMonitor.DropAllowance, 1.0 / 6, 12, 4800);
        var threePeriods = FixedReferenceThreshold.For(GapMonitor.DropAllowance, 1.0 / 3, 12, 4800);

        Assert.True(exact < sixPeriods && sixPeriods < threePeriods, $"{exact} < {sixPeriods} < {threePeriods}");
    }

    [Fact]
    public void AlarmProbability_ReferenceFromThreePeriods_MatchesDirectSimulation()
    {
        // The clipped CUSUM against a reference that is the mean of three earlier periods, simulated directly.
        const double allowance = 1.5, threshold = 2.5;
        const int runs = 40_000, horizon = 12;
        var random = new Random(7);
        var alarms = 0;
        for (var run = 0; run < runs; run++)
        {
            var reference = (Normal(random) + Normal(random) + Normal(random)) / 3;
            double statistic = 0;
            for (var t = 0; t < horizon; t++)
            {
                statistic = Cusum.Step(statistic, (reference - Normal(random)) / Math.Sqrt(1 + 1.0 / 3), allowance);
                if (statistic > threshold)
                {
                    alarms++;
                    break;
                }
            }
        }

        var simulated = (double)alarms / runs;
        var chain = FixedReferenceThreshold.AlarmProbability(allowance, threshold, 1.0 / 3, horizon);
        Assert.InRange(chain, simulated * 0.85, simulated * 1.15);
    }

    [Fact]
    public void Run_FixedReference_LastingDropIsOneEpisodeFromItsStart()
    {
        // Four periods level with the reference, then 40 points lower for eight periods (SE 10 each).
        var rows = Enumerable.Range(0, 12).Select(t => (Gap: t < 4 ? 0.0 : -40.0, Variance: 100.0)).ToList();

        var alarms = GapMonitor.Run(rows, 3, 3, GapMonitor.DropAllowance, (0, 100.0 / 3));

        var alarm = Assert.Single(alarms);
        Assert.Equal(4, alarm.Since);
        Assert.Equal(11, alarm.At);
    }

    private static double Normal(Random random) => NormalDistribution.Quantile(1 - random.NextDouble());
}
