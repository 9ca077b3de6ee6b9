using Nps.Insights;
using Nps.Segmentation;

namespace Nps.Tests.Insights;

/// <summary>
/// The measured targets of issue 11 as seeded simulations, 20 seeds each, default options: how often a planted
/// effect is found, and how often a population without one shows a signal.
/// </summary>
public sealed class CoachingSignalSimulationTests
{
    private const int Seeds = 20;
    private static readonly TimeBucket FirstMonth = TimeBucket.Containing(new DateOnly(2026, 1, 1), Period.Month);

    /// <summary>Rating probabilities 0..10: detractors spread over 0–6, passives 3:4 over 7 and 8, promoters split by <paramref name="tensOfPromoters"/>.</summary>
    internal static double[] Profile(double promoters, double detractors, double tensOfPromoters = 0.5)
    {
        var passives = 1 - promoters - detractors;
        var profile = new double[11];
        for (var rating = 0; rating <= 6; rating++) profile[rating] = detractors / 7;
        profile[7] = passives * 3 / 7;
        profile[8] = passives * 4 / 7;
        profile[9] = promoters * (1 - tensOfPromoters);
        profile[10] = promoters * tensOfPromoters;
        return profile;
    }

    /// <summary>The usual shape at a given NPS: 35 % passives, the usual 9/10 split.</summary>
    internal static double[] AtScore(double score) => Profile((0.65 + score / 100) / 2, (0.65 - score / 100) / 2);

    internal static NpsDistribution Sample(Random random, int n, double[] profile)
    {
        var counts = new long[11];
        for (var i = 0; i < n; i++) counts[Draw(random, profile)]++;
        return NpsDistribution.FromCounts(counts);
    }

    /// <summary>One rating drawn from the probabilities 0..10.</summary>
    internal static int Draw(Random random, double[] profile)
    {
        var u = random.NextDouble();
        var rating = 0;
        while (rating < 10 && u >= profile[rating])
        {
            u -= profile[rating];
            rating++;
        }

        return rating;
    }

    internal static TimeBucket Month(int index)
    {
        var bucket = FirstMonth;
        for (var i = 0; i < index; i++) bucket = bucket.Next;
        return bucket;
    }

    /// <summary>About 50 responses a month (40–60).</summary>
    private static int AboutFifty(Random random) => 40 + random.Next(21);

    private static int CountSeeds(int offset, Func<Random, bool> scenario)
    {
        var count = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            if (scenario(new Random(offset + seed))) count++;
        }

        return count;
    }

    /// <summary>Agents a0..a{agents−1} over <paramref name="months"/> months, about 50 responses each a month, with a few manual sends.</summary>
    private static List<SegmentPeriodCounts> Agents(Random random, int agents, int months, Func<int, int, double[]> profile)
    {
        var cells = new List<SegmentPeriodCounts>();
        for (var agent = 0; agent < agents; agent++)
        {
            for (var month = 0; month < months; month++)
            {
                cells.Add(new("a" + agent, Month(month), Sample(random, AboutFifty(random), profile(agent, month)), ManualSends: random.Next(3)));
            }
        }

        return cells;
    }

    private static bool Has(IEnumerable<CoachingSignal> signals, string kind, string value) =>
        signals.Any(s => s.Kind == kind && s.Value == value);

    [Fact]
    public void Detect_AgentTwentyFivePointsBelowSeventeenPeersForNineMonths_FlaggedInAtLeast19Of20Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var peersFlagged = 0;
        var flagged = CountSeeds(1100, random =>
        {
            var signals = detector.Detect(Agents(random, 18, 9, (agent, _) => AtScore(agent == 0 ? 0 : 25)));
            if (signals.Any(s => s.Value != "a0")) peersFlagged++;
            return Has(signals, CoachingSignalKinds.Underperformance, "a0");
        });

        Assert.InRange(flagged, 19, Seeds);
        Assert.InRange(peersFlagged, 0, 1);
    }

    [Fact]
    public void Detect_TeamPresentFromFirstMonthAtPlus45ThenPlus5_DropFlaggedInAtLeast19Of20Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var flagged = CountSeeds(1200, random =>
        {
            var signals = detector.Detect(Agents(random, 10, 9, (team, month) => AtScore(team != 0 ? 25 : month < 3 ? 45 : 5)));
            return Has(signals, CoachingSignalKinds.PostLaunchDrop, "a0");
        });

        Assert.InRange(flagged, 19, Seeds);
    }

    [Fact]
    public void Detect_AllTeamsDecliningTogether_NoDropInAtLeast19Of20Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var withDrop = CountSeeds(1300, random =>
            detector.Detect(Agents(random, 10, 9, (_, month) => AtScore(month < 3 ? 45 : 5))).Any(s => s.Kind == CoachingSignalKinds.PostLaunchDrop));

        Assert.InRange(withDrop, 0, 1);
    }

    [Fact]
    public void Detect_HonestBetterAgentWithUsualNineTenSplit_InflationInAtMost1Of20Seeds()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var flagged = CountSeeds(1400, random =>
            Has(detector.Detect(Agents(random, 18, 9, (agent, _) => agent == 0 ? Profile(0.62, 0.12) : AtScore(25))), CoachingSignalKinds.Inflation, "a0"));

        Assert.InRange(flagged, 0, 1);
    }

    [Fact]
    public void Detect_AgentWithNinetyPercentTensAndAlmostNoDetractors_InflationInAtLeast19Of20Seeds()
    {
        // 90 % tens, 2 % 9s, 6 % passives, 2 % detractors: far fewer 9s than the peers' shape predicts for 92 % promoters.
        double[] inflated = [0.02 / 7, 0.02 / 7, 0.02 / 7, 0.02 / 7, 0.02 / 7, 0.02 / 7, 0.02 / 7, 0.03, 0.03, 0.02, 0.90];
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var flagged = CountSeeds(1500, random =>
            Has(detector.Detect(Agents(random, 18, 9, (agent, _) => agent == 0 ? inflated : AtScore(25))), CoachingSignalKinds.Inflation, "a0"));

        Assert.InRange(flagged, 19, Seeds);
    }

    [Fact]
    public void Detect_EighteenEqualAgents_AtMostOnePopulationIn20WithAnySignal()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var withSignal = CountSeeds(1600, random => detector.Detect(Agents(random, 18, 9, (_, _) => AtScore(25))).Count > 0);

        Assert.InRange(withSignal, 0, 1);
    }

    [Fact]
    public void Detect_NormalTeamsBesideALargeHoneymoonTeam_NormalTeamsNotFlagged()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var honeymoonDropFound = 0;
        var normalFlagged = CountSeeds(1700, random =>
        {
            var cells = new List<SegmentPeriodCounts>();
            for (var month = 0; month < 6; month++)
            {
                // A big new team, far above everyone for its first three months: it lifts "the rest" by 20 points.
                cells.Add(new("honeymoon", Month(month), Sample(random, 300, AtScore(month < 3 ? 65 : 25))));
                for (var team = 0; team < 4; team++) cells.Add(new("t" + team, Month(month), Sample(random, 100, AtScore(25))));
            }

            var signals = detector.Detect(cells);
            if (Has(signals, CoachingSignalKinds.PostLaunchDrop, "honeymoon")) honeymoonDropFound++;
            return signals.Any(s => s.Value != "honeymoon");
        });

        Assert.InRange(normalFlagged, 0, 1);
        Assert.InRange(honeymoonDropFound, 19, Seeds);
    }

    [Fact]
    public void Detect_StartDateGivenAfterAPilot_DropFoundOnlyWithTheStartDate()
    {
        var launches = new Dictionary<string, DateOnly> { ["new"] = new DateOnly(2026, 4, 10) };
        var withDates = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team", Launches = launches, RequireLaunchDate = true });
        var withoutDates = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" });
        var foundWithout = 0;
        var othersTested = 0;
        var found = CountSeeds(1800, random =>
        {
            var cells = new List<SegmentPeriodCounts>();
            for (var month = 0; month < 12; month++)
            {
                for (var team = 0; team < 8; team++) cells.Add(new("t" + team, Month(month), Sample(random, AboutFifty(random), AtScore(25))));

                // A pilot of a few responses from January; launched on 10 April: three good months, then the honeymoon is over.
                var (n, score) = month < 3 ? (5, 25.0) : month < 6 ? (AboutFifty(random), 45.0) : (AboutFifty(random), 5.0);
                cells.Add(new("new", Month(month), Sample(random, n, AtScore(score))));
            }

            var signals = withDates.Detect(cells);
            if (signals.Any(s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value != "new")) othersTested++;
            if (Has(withoutDates.Detect(cells), CoachingSignalKinds.PostLaunchDrop, "new")) foundWithout++;
            var drop = signals.SingleOrDefault(s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value == "new");
            return drop is not null && drop.Evidence.Since == "2026-07" && drop.Evidence.Summary.Contains("started 2026-04-10", StringComparison.Ordinal);
        });

        Assert.InRange(found, 19, Seeds);
        Assert.Equal(0, othersTested);
        Assert.InRange(foundWithout, 0, 10);
    }
}
