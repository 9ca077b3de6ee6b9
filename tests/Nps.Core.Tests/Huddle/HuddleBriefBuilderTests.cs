using Microsoft.Extensions.Time.Testing;
using Nps.Huddle;
using static Nps.Tests.Huddle.HuddleTestData;

namespace Nps.Tests.Huddle;

public sealed class HuddleBriefBuilderTests
{
    private static readonly HuddlePeriod Week11 = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 11));

    private static HuddleBrief Build(HuddleBriefOptions? options = null, bool withFollowUps = true) =>
        new HuddleBriefBuilder(options ?? Options(), new FakeTimeProvider(At("2026-03-18T12:00:00Z")))
            .Build(Responses(), withFollowUps ? FollowUps() : null);

    private static HuddleBriefOptions Options() => new() { Team = "Care", Period = Week11, MinimumCount = 5, Taxonomy = Taxonomy };

    [Fact]
    public void Build_TeamWeek_ScoresTheWeeksOwnNonManualAnswers()
    {
        var brief = Build();

        Assert.Equal("2026-W11", brief.Period.Label);
        Assert.Equal(new NpsCategoryCounts(3, 2, 3), brief.Score.Counts); // R1–R8; R9 is a manual send
        Assert.Equal(0, brief.Score.Score);
        Assert.True(brief.Score.EnoughData);
        // Adjusted Wald: p = d = 3.75/11, variance 2·3.75/11, half-width 1.96·√(variance/11) = 48.796 points.
        Assert.Equal(-48.79620391955883, brief.Score.Interval.Lower, 9);
        Assert.Equal(48.79620391955883, brief.Score.Interval.Upper, 9);
    }

    [Fact]
    public void Build_TeamWeek_ListsEveryCallbackRequestInTimeOrder()
    {
        var callbacks = Build().Callbacks;

        Assert.Equal(
            [("R3", 9, null, "anna"), ("R5", 7, "Please call me about my bill", null), ("R7", 0, "Transferred three times, waited forever", "carl")],
            callbacks.Select(c => (c.ResponseId, c.Rating.Value, c.Comment, c.Agent)).ToArray());
    }

    [Fact]
    public void Build_TeamWeek_ListsDetractorCommentsButNotBlankOnes()
    {
        var detractors = Build().DetractorComments;

        Assert.Equal(["R6", "R7"], detractors.Select(c => c.ResponseId).ToArray());
        Assert.Equal(["Waited 40 minutes", "Transferred three times, waited forever"], detractors.Select(c => c.Comment).ToArray());
    }

    [Fact]
    public void Build_TeamWeek_ListsComplimentsWithTheAgent()
    {
        var compliments = Build().Compliments;

        Assert.Equal(
            [("R1", 10, "Super friendly, thank you Anna", "anna"), ("R2", 9, "Quick and correct answer", "bob"), ("R9", 10, "Great", "dave")],
            compliments.Select(c => (c.ResponseId, c.Rating.Value, c.Comment!, c.Agent!)).ToArray());
    }

    [Fact]
    public void Build_TeamWeek_TrendHoldsEightWeeksOldestFirst()
    {
        var trend = Build().Trend;

        Assert.Equal(["2026-W04", "2026-W05", "2026-W06", "2026-W07", "2026-W08", "2026-W09", "2026-W10", "2026-W11"], trend.Select(t => t.Period.Label).ToArray());
        Assert.Equal([1L, 0, 0, 0, 0, 0, 5, 8], trend.Select(t => t.Counts.Count).ToArray());
        Assert.Equal([100, null, null, null, null, null, 40, 0], trend.Select(t => t.Score).ToArray());
        Assert.Equal([false, false, false, false, false, false, true, true], trend.Select(t => t.EnoughData).ToArray());
    }

    [Fact]
    public void Build_TeamWeek_ComparesWithThePreviousWeek()
    {
        var change = Build().VersusPrevious!.Value;

        // W11: p = d = 3/8, variance 0.75; W10: p = 0.6, d = 0.2, variance 0.64.
        // SE = 100·√(0.75/8 + 0.64/5) = 47.0903, z = −40/47.0903 = −0.84943, p = 0.395641.
        Assert.Equal(-40, change.Difference, 9);
        Assert.Equal(47.090338711884414, change.StandardError, 9);
        Assert.Equal(0.39564143279063624, change.PValue, 9);
        Assert.False(change.IsSignificant);
    }

    [Fact]
    public void Build_PreviousWeekBelowMinimum_TestsNoChange()
    {
        var brief = Build(Options() with { MinimumCount = 6 });

        Assert.Null(brief.VersusPrevious);
        Assert.Equal("Not enough responses in 2026-W10 to compare with: read this period's score on its own.", brief.DiscussionPoints[0]);
    }

    [Fact]
    public void Build_TeamWeek_TopThemesWithExamples()
    {
        var themes = Build().Themes;

        Assert.Equal(["waiting", "friendly"], themes.Select(t => t.Id).ToArray());
        Assert.Equal(new NpsCategoryCounts(2, 0, 0), themes[0].Mentions);
        Assert.Equal(["R6", "R7"], themes[0].Examples.Select(e => e.ResponseId).ToArray());
        Assert.Equal(["R1"], themes[1].Examples.Select(e => e.ResponseId).ToArray());
    }

    [Fact]
    public void Build_TeamWeek_CountsTheTeamsOpenAndOverdueFollowUpsAtTheWeeksEnd()
    {
        var followUps = Build().FollowUps!.Value;

        Assert.Equal(At("2026-03-16T00:00:00Z"), followUps.AsOf);
        Assert.Equal(2, followUps.Open);
        Assert.Equal(1, followUps.Overdue);
    }

    [Fact]
    public void Build_WithoutFollowUps_HasNoFollowUpSummary()
    {
        Assert.Null(Build(withFollowUps: false).FollowUps);
    }

    [Fact]
    public void Build_TeamWeek_DerivesDiscussionPointsByTheDocumentedRules()
    {
        Assert.Equal(
        [
            "No evidence of a change from the usual level (-40.0 points against 2026-W10, p = 0.396): no need to chase noise.",
            "1 follow-up overdue (2 open): who calls whom back today?",
            "\"Waiting\" came up in 2 detractor comments: what can the team change?",
        ], Build().DiscussionPoints);
    }

    [Fact]
    public void Build_NothingToSayBesidesTheScore_AddsTheFallbackPoint()
    {
        var brief = new HuddleBriefBuilder(new HuddleBriefOptions { Team = "nobody", Period = Week11 }).Build(Responses());

        Assert.Equal(
        [
            "Only 0 responses this period (fewer than 30): read the score as a hint, not a verdict.",
            "Few comments this period: what did customers tell the team directly?",
        ], brief.DiscussionPoints);
        Assert.Null(brief.Score.Score);
    }

    [Fact]
    public void Build_NoPeriod_CoversTheLastCompleteIsoWeekOfTheClock()
    {
        var clock = new FakeTimeProvider(At("2026-03-18T12:00:00Z")); // a Wednesday in W12
        var builder = new HuddleBriefBuilder(new HuddleBriefOptions { Team = "care" }, clock);

        Assert.Equal("2026-W11", builder.Period.Label);
        Assert.Equal(new NpsCategoryCounts(3, 2, 3), builder.Build(Responses()).Score.Counts);
    }

    [Fact]
    public void Build_RunOfDays_StepsTheTrendBackByItsLength()
    {
        var brief = Build(Options() with { Period = HuddlePeriod.FromDates(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15)), TrendPeriods = 3 });

        Assert.Equal("2026-03-09/2026-03-15", brief.Period.Label);
        Assert.Equal(["2026-02-23/2026-03-01", "2026-03-02/2026-03-08", "2026-03-09/2026-03-15"], brief.Trend.Select(t => t.Period.Label).ToArray());
        Assert.Equal(new NpsCategoryCounts(3, 2, 3), brief.Score.Counts);
    }

    [Fact]
    public void Build_IncludeManual_CountsTheManualSend()
    {
        Assert.Equal(new NpsCategoryCounts(3, 2, 4), Build(Options() with { IncludeManual = true }).Score.Counts);
    }
}
