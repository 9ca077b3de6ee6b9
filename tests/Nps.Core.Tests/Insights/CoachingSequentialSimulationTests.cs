using Nps.Insights;
using Nps.Segmentation;
using static Nps.Tests.Insights.CoachingSignalSimulationTests;

namespace Nps.Tests.Insights;

/// <summary>
/// The targets of sequential monitoring as seeded simulations, 200 seeds each, default options, monthly periods: how
/// soon a lasting gap is signalled, and how rarely a population without one cries wolf. Detection "within m months"
/// runs the detector on the data up to that month, as a coach looking then would see it.
/// </summary>
public sealed class CoachingSequentialSimulationTests
{
    private const int Seeds = 200;

    /// <summary>Agents a0..a{agents−1}, <paramref name="perMonth"/> responses each a month, scores from <paramref name="score"/>(agent, month).</summary>
    internal static List<SegmentPeriodCounts> Population(Random random, int agents, int months, int perMonth, Func<int, int, double> score)
    {
        var cells = new List<SegmentPeriodCounts>(agents * months);
        for (var month = 0; month < months; month++)
        {
            for (var agent = 0; agent < agents; agent++) cells.Add(new("a" + agent, Month(month), Sample(random, perMonth, AtScore(score(agent, month)))));
        }

        return cells;
    }

    private static List<SegmentPeriodCounts> UpTo(List<SegmentPeriodCounts> cells, int months) => [.. cells.Where(c => c.Period < Month(months))];

    private static bool Underperforms(IEnumerable<CoachingSignal> signals, string value) =>
        signals.Any(s => s.Kind == CoachingSignalKinds.Underperformance && s.Value == value);

    // One agent `gap` points below 17 peers at +25 from month 4 (index 3), 50 responses a month; per seed whether the
    // gap was signalled within 3, 6 and 12 months of its start, and whether a peer was signalled.
    private static (int Within3, int Within6, int Within12, int PeersFlagged) Detection(double gap, int offset)
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        int within3 = 0, within6 = 0, within12 = 0, peersFlagged = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cells = Population(new Random(offset + seed), 18, 15, 50, (agent, month) => agent == 0 && month >= 3 ? 25 - gap : 25);
            var atTwelve = detector.Detect(cells);
            if (atTwelve.Any(s => s.Value != "a0")) peersFlagged++;
            if (!Underperforms(atTwelve, "a0")) continue;
            within12++;
            if (!Underperforms(detector.Detect(UpTo(cells, 9)), "a0")) continue;
            within6++;
            if (Underperforms(detector.Detect(UpTo(cells, 6)), "a0")) within3++;
        }

        return (within3, within6, within12, peersFlagged);
    }

    [Fact]
    public void Detect_AgentTwentyFivePointsBelowFromMonthFour_SignalledWithinSixMonthsInAtLeast180Of200Seeds()
    {
        var (_, within6, _, peersFlagged) = Detection(25, 22_000);

        Assert.InRange(within6, 180, Seeds);
        Assert.InRange(peersFlagged, 0, 20);
    }

    [Fact]
    public void Detect_AgentFifteenPointsBelowFromMonthFour_SignalledWithinTwelveMonthsInAtLeast160Of200Seeds()
    {
        var (_, _, within12, _) = Detection(15, 23_000);

        Assert.InRange(within12, 160, Seeds);
    }

    [Fact]
    public void Detect_AgentTwentyFivePointsBelow_SignalSaysWhenTheGapBeganAndItsSize()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        int sinceNearStart = 0, intervalCovers = 0, signalled = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cells = Population(new Random(24_000 + seed), 18, 12, 50, (agent, month) => agent == 0 && month >= 3 ? 0 : 25);
            var signal = detector.Detect(cells).SingleOrDefault(s => s.Kind == CoachingSignalKinds.Underperformance && s.Value == "a0");
            if (signal is null) continue;
            signalled++;
            var evidence = signal.Evidence;
            Assert.Equal(evidence.Periods[0], evidence.Since);
            Assert.Contains(evidence.SignalledIn, evidence.Periods);
            Assert.Contains("below peers since " + evidence.Since, evidence.Summary, StringComparison.Ordinal);
            if (string.CompareOrdinal(evidence.Since, "2026-02") >= 0 && string.CompareOrdinal(evidence.Since, "2026-05") <= 0) sinceNearStart++;
            if (evidence.DifferenceLower <= -25 && -25 <= evidence.DifferenceUpper) intervalCovers++;
        }

        Assert.InRange(signalled, 190, Seeds);
        Assert.InRange(sinceNearStart, (int)(0.8 * signalled), signalled);
        // The interval is over periods the monitor chose, so it leans towards larger gaps; it still covers the truth mostly.
        Assert.InRange(intervalCovers, (int)(0.8 * signalled), signalled);
    }

    [Fact]
    public void Detect_EighteenEqualAgents_FalseSignalsWithinTargets()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        int falseUnderperformance = 0, quietFor12 = 0, quietFor24 = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cells = Population(new Random(25_000 + seed), 18, 24, 50, (_, _) => 25);
            var first = detector.Detect(UpTo(cells, 12));
            var second = detector.Detect(cells);
            // The default window reports alarms of the last 12 months, so the two looks see disjoint alarms.
            falseUnderperformance += first.Count(s => s.Kind == CoachingSignalKinds.Underperformance)
                + second.Count(s => s.Kind == CoachingSignalKinds.Underperformance);
            if (first.Count == 0) quietFor12++;
            if (first.Count == 0 && second.Count == 0) quietFor24++;
        }

        // 200 populations × 18 agents × 2 years = 7,200 agent-years: at most one false signal per 400 is at most 18.
        Assert.InRange(falseUnderperformance, 0, 18);
        Assert.InRange(quietFor12, 180, Seeds);
        Assert.InRange(quietFor24, 170, Seeds);
    }

    [Fact]
    public void Detect_HonestBetterAgent_NeverInflationInAtLeast198Of200Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var flagged = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(26_000 + seed);
            var cells = new List<SegmentPeriodCounts>();
            for (var month = 0; month < 12; month++)
            {
                cells.Add(new("a0", Month(month), Sample(random, 50, Profile(0.62, 0.12))));
                for (var agent = 1; agent < 18; agent++) cells.Add(new("a" + agent, Month(month), Sample(random, 50, AtScore(25))));
            }

            if (detector.Detect(cells).Any(s => s.Kind == CoachingSignalKinds.Inflation && s.Value == "a0")) flagged++;
        }

        Assert.InRange(flagged, 0, 2);
    }

    [Fact]
    public void Detect_AllTeamsDecliningTogether_NoDropInAtLeast190Of200Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var withDrop = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cells = Population(new Random(27_000 + seed), 10, 12, 50, (_, month) => month < 3 ? 45 : 5);
            if (detector.Detect(cells).Any(s => s.Kind == CoachingSignalKinds.PostLaunchDrop)) withDrop++;
        }

        Assert.InRange(withDrop, 0, 10);
    }

    [Fact]
    public void Detect_TeamFallingAfterItsHoneymoon_DropSignalledInAtLeast180Of200Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var flagged = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var cells = Population(new Random(28_000 + seed), 10, 9, 50, (team, month) => team != 0 ? 25 : month < 3 ? 45 : 5);
            if (detector.Detect(cells).Any(s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value == "a0")) flagged++;
        }

        Assert.InRange(flagged, 180, Seeds);
    }

    [Theory]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(100)]
    public void Detect_EighteenEqualNewTeams_FalseDropSignalsAtMostOnePer400ValueYears(int perMonth)
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var falseDrops = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            // Every team's first month is the data's, so each is watched after a honeymoon of its first three months.
            var cells = Population(new Random(30_000 + perMonth * 1_000 + seed), 18, 24, perMonth, (_, _) => 25);
            falseDrops += detector.Detect(UpTo(cells, 12)).Count(s => s.Kind == CoachingSignalKinds.PostLaunchDrop)
                + detector.Detect(cells).Count(s => s.Kind == CoachingSignalKinds.PostLaunchDrop);
        }

        // 200 populations × 18 teams × 2 years = 7,200 team-years: at most one false signal per 400 is at most 18.
        Assert.InRange(falseDrops, 0, 18);
    }

    // A new team level with 9 peers at +25 for its three honeymoon months, then `drop` points lower for good;
    // per seed whether the drop was signalled within 6 and 12 months of its start.
    private static (int Within6, int Within12) DropDetection(double drop, int perMonth, int offset)
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        int within6 = 0, within12 = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(offset + seed);
            var cells = new List<SegmentPeriodCounts>();
            for (var month = 0; month < 16; month++)
            {
                // The peers are there a month before the new team starts.
                for (var team = 1; team < 10; team++) cells.Add(new("a" + team, Month(month), Sample(random, perMonth, AtScore(25))));
                if (month > 0) cells.Add(new("a0", Month(month), Sample(random, perMonth, AtScore(month > 3 ? 25 - drop : 25))));
            }

            bool Dropped(int months) => detector.Detect(UpTo(cells, months)).Any(s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value == "a0");
            if (!Dropped(16)) continue;
            within12++;
            if (Dropped(10)) within6++;
        }

        return (within6, within12);
    }

    [Fact]
    public void Detect_NewTeamTwentyFivePointsDownAfterItsHoneymoonAt100AMonth_SignalledWithinSixMonthsInAtLeast150AndTwelveIn180Of200Seeds()
    {
        var (within6, within12) = DropDetection(25, 100, 31_000);

        Assert.InRange(within6, 150, Seeds);
        Assert.InRange(within12, 180, Seeds);
    }

    [Fact]
    public void Detect_NewTeamTwentyFivePointsDownAfterItsHoneymoonAt50AMonth_SignalledWithinTwelveMonthsInAtLeast110Of200Seeds()
    {
        // The reference is the honeymoon alone: the drop does not lower it, so evidence keeps growing over the year.
        var (within6, within12) = DropDetection(25, 50, 32_000);

        Assert.InRange(within6, 60, Seeds);
        Assert.InRange(within12, 110, Seeds);
    }

    [Fact]
    public void Detect_NormalTeamsBesideAnOutlierTeam_NotFlaggedInAtLeast190Of200Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var normalFlagged = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(29_000 + seed);
            var cells = new List<SegmentPeriodCounts>();
            for (var month = 0; month < 12; month++)
            {
                // A big team far above everyone for its first three months, then far below: it moves "the rest" by 20 points.
                cells.Add(new("outlier", Month(month), Sample(random, 300, AtScore(month < 3 ? 65 : -15))));
                for (var team = 0; team < 5; team++) cells.Add(new("t" + team, Month(month), Sample(random, 100, AtScore(25))));
            }

            if (detector.Detect(cells).Any(s => s.Value != "outlier")) normalFlagged++;
        }

        Assert.InRange(normalFlagged, 0, 10);
    }
}
