using Nps.Insights;
using Nps.Segmentation;
using Nps.Tests.Segmentation;

namespace Nps.Tests.Insights;

/// <summary>Seeded synthetic populations: the signals must find planted effects and must not invent them.</summary>
public sealed class CoachingSignalScenarioTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeBucket FirstMonth = TimeBucket.Containing(new DateOnly(2026, 1, 1), Period.Month);

    private static TimeBucket Month(int index)
    {
        var bucket = FirstMonth;
        for (var i = 0; i < index; i++) bucket = bucket.Next;
        return bucket;
    }

    /// <summary>n ratings whose expected NPS is <paramref name="score"/>, with a share of 10s raised to <paramref name="tensShare"/> when given.</summary>
    private static NpsDistribution Sample(Random random, int n, double score, double? tensShare = null)
    {
        var counts = new long[11];
        for (var i = 0; i < n; i++)
        {
            var rating = tensShare is { } share && random.NextDouble() < share ? 10 : ResponseFactory.RatingForScore(random, score);
            counts[rating]++;
        }

        return NpsDistribution.FromCounts(counts);
    }

    [Fact]
    public void Detect_AgentFifteenPointsBelowPeersForSixMonths_FiresUnderperformance()
    {
        var random = new Random(20260101);
        var responses = new List<SurveyResponse>();
        for (var agent = 0; agent < 10; agent++)
        {
            for (var month = 0; month < 6; month++)
            {
                for (var i = 0; i < 600; i++)
                {
                    var score = agent == 7 ? 20 : 35;
                    var at = January.AddMonths(month).AddHours(random.Next(24 * 28));
                    responses.Add(ResponseFactory.Response(ResponseFactory.RatingForScore(random, score), at, agent: "a" + agent));
                }
            }
        }

        var signals = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "agent" }).Detect(responses);

        var signal = Assert.Single(signals);
        Assert.Equal(CoachingSignalKinds.Underperformance, signal.Kind);
        Assert.Equal("agent", signal.Dimension);
        Assert.Equal("a7", signal.Value);
        Assert.True(signal.Evidence.Periods.Count >= 3);
        Assert.Equal("peers", signal.Evidence.Reference);
        Assert.InRange(signal.Evidence.ReferenceScore - signal.Evidence.Score, 8, 22);
        Assert.True(signal.Evidence.PValue < 0.05);
        Assert.True(signal.Evidence.Interval.Upper < signal.Evidence.ReferenceScore);
    }

    [Fact]
    public void Detect_NewTeamDropsAfterItsFirstThreeMonths_FiresPostLaunchDrop()
    {
        var random = new Random(42);
        var cells = new List<SegmentPeriodCounts>();
        for (var team = 0; team < 8; team++)
        {
            for (var month = 0; month < 12; month++) cells.Add(new("t" + team, Month(month), Sample(random, 200, 25)));
        }

        for (var month = 3; month < 12; month++)
        {
            var score = month < 6 ? 50 : 20; // launched in April: three good months, then the honeymoon is over
            cells.Add(new("new-team", Month(month), Sample(random, 200, score)));
        }

        var signals = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "team" }).Detect(cells);

        var drop = Assert.Single(signals, s => s.Kind == CoachingSignalKinds.PostLaunchDrop);
        Assert.Equal("new-team", drop.Value);
        Assert.Equal("team", drop.Dimension);
        Assert.Equal(600, drop.Evidence.ReferenceCount);
        // The evidence covers the periods of the drop, from when it began (the honeymoon is the reference).
        Assert.Equal("2026-07", drop.Evidence.Since);
        Assert.Equal(200 * drop.Evidence.Periods.Count, drop.Evidence.Count);
        Assert.InRange(drop.Evidence.ReferenceScore - drop.Evidence.Score, 20, 40);
        Assert.DoesNotContain(signals, s => s.Kind == CoachingSignalKinds.PostLaunchDrop && s.Value != "new-team");
    }

    [Fact]
    public void Detect_AgentWithInflatedTens_FiresInflation()
    {
        var random = new Random(7);
        var cells = new List<SegmentPeriodCounts>();
        for (var agent = 0; agent < 10; agent++)
        {
            for (var month = 0; month < 6; month++)
            {
                var inflated = agent == 3;
                cells.Add(new("a" + agent, Month(month), Sample(random, 150, 30, inflated ? 0.5 : null), ManualSends: inflated ? 50 : 2));
            }
        }

        var signals = new CoachingSignalDetector(new CoachingSignalOptions()).Detect(cells);

        var inflation = Assert.Single(signals, s => s.Kind == CoachingSignalKinds.Inflation);
        Assert.Equal("a3", inflation.Value);
        Assert.Contains("share of 10s", inflation.Evidence.Summary, StringComparison.Ordinal);
        Assert.Contains("share of manual sends", inflation.Evidence.Summary, StringComparison.Ordinal);
        Assert.Equal(6, inflation.Evidence.Periods.Count);
        Assert.Equal(900, inflation.Evidence.Count);
    }

    [Fact]
    public void Detect_FiftyControlPopulationsWithoutEffect_FalsePositiveRateStaysNearNominal()
    {
        var populationsWithSignals = 0;
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        for (var seed = 0; seed < 50; seed++)
        {
            var random = new Random(1000 + seed);
            var cells = new List<SegmentPeriodCounts>();
            for (var agent = 0; agent < 10; agent++)
            {
                // One newcomer per population (starts in month 2), so the post-launch test runs too.
                for (var month = agent == 9 ? 1 : 0; month < 7; month++)
                {
                    cells.Add(new("a" + agent, Month(month), Sample(random, 150, 30), ManualSends: random.Next(4)));
                }
            }

            if (detector.Detect(cells).Count > 0) populationsWithSignals++;
        }

        // Each kind's tests are BH-guarded at 5%: at most about 5% of null populations may show any signal.
        Assert.InRange(populationsWithSignals, 0, 5);
    }

    [Fact]
    public void Detect_CellBucketedByWrongPeriod_ThrowsNamingIt()
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        var week = TimeBucket.Containing(new DateOnly(2026, 3, 14), Period.Week);
        var error = Assert.Throws<ArgumentException>(() => detector.Detect([new SegmentPeriodCounts("a1", week, NpsDistribution.Empty)]));
        Assert.Equal("Cell a1 2026-W11 is bucketed by Week; the options follow Month. (Parameter 'cells')", error.Message);
    }
}
