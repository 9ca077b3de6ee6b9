using System.Globalization;
using Nps.Ambitions;

namespace Nps.Tests.Ambitions;

public sealed class AmbitionTrackerTests
{
    private static readonly Ambition Hypotheek = new("product", "Hypotheek", 30, new DateOnly(2026, 12, 31), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    private static readonly AmbitionTrackerOptions AsOfJune = new() { AsOf = new DateOnly(2026, 6, 30), WindowDays = 90 };

    private static SurveyResponse Response(string id, int rating, string at, string product = "Hypotheek", bool manual = false) => new()
    {
        ResponseId = id,
        Rating = NpsRating.From(rating),
        RespondedAt = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture),
        Product = product,
        IsManual = manual,
    };

    private static SurveyResponse[] Responses() =>
    [
        // Baseline 2025: 4 promoters, 3 passives, 3 detractors (NPS +10); the edges of the year included.
        Response("B1", 10, "2025-01-01T00:00:00Z"), Response("B2", 9, "2025-03-01T10:00:00Z"), Response("B3", 9, "2025-05-01T10:00:00Z"),
        Response("B4", 10, "2025-12-31T23:59:00Z"), Response("B5", 8, "2025-06-01T10:00:00Z"), Response("B6", 7, "2025-07-01T10:00:00Z"),
        Response("B7", 8, "2025-08-01T10:00:00Z"), Response("B8", 6, "2025-09-01T10:00:00Z"), Response("B9", 0, "2025-10-01T10:00:00Z"),
        Response("B10", 4, "2025-11-01T10:00:00Z"),
        Response("B0", 0, "2024-12-31T23:59:00Z"),                    // before the baseline
        // Current window 2026-04-02..2026-06-30: 3 promoters and a detractor (NPS +50).
        Response("C1", 10, "2026-04-02T00:00:00Z"), Response("C2", 9, "2026-06-30T23:30:00Z"),
        Response("C3", 10, "2026-05-01T10:00:00Z"), Response("C4", 6, "2026-05-02T10:00:00Z"),
        Response("X1", 0, "2026-04-01T23:59:00Z"),                    // the day before the window
        Response("X2", 0, "2026-07-01T00:00:00Z"),                    // after the as-of day
        Response("X3", 0, "2026-05-01T10:00:00Z", product: "Sparen"), // another product
        Response("X4", 0, "2026-05-01T10:00:00Z", manual: true),      // a manual send
        Response("X5", 0, "2026-05-01T10:00:00Z", product: "Hypotheek loan"),  // a different value
    ];

    [Fact]
    public void Evaluate_ConstructedCase_CountsTheBaselineAndTheWindowEndingAtAsOf()
    {
        var progress = AmbitionTracker.Evaluate(Responses(), [Hypotheek], AsOfJune).Single();

        Assert.Equal(new NpsCategoryCounts(3, 3, 4), progress.Baseline);
        Assert.Equal(10, progress.Baseline.Score, 12);
        Assert.Equal(new DateOnly(2026, 4, 2), progress.CurrentFrom);
        Assert.Equal(new DateOnly(2026, 6, 30), progress.CurrentTo);
        Assert.Equal(new NpsCategoryCounts(1, 0, 3), progress.Current);
        Assert.Equal(50, progress.Current.Score, 12);
    }

    [Fact]
    public void Evaluate_ConstructedCase_ComparesCurrentWithBaseline()
    {
        var change = AmbitionTracker.Evaluate(Responses(), [Hypotheek], AsOfJune).Single().Change!.Value;

        // Current p = .75, d = .25: variance .75; baseline p = .4, d = .3: variance .69.
        // SE = 100·√(.75/4 + .69/10) = 50.6458, z = 40/50.6458 = 0.78980, two-sided p = 0.429645.
        Assert.Equal(40, change.Difference, 9);
        Assert.Equal(50.645829048402405, change.StandardError, 9);
        Assert.Equal(0.4296454530675904, change.PValue, 9);
    }

    [Fact]
    public void Evaluate_ConstructedCase_IsOnTrackAgainstTheStraightLine()
    {
        var progress = AmbitionTracker.Evaluate(Responses(), [Hypotheek], AsOfJune).Single();

        // From +10 on 2025-12-31 to +30 on 2026-12-31 (365 days); 2026-06-30 is day 181: 10 + 20·181/365.
        Assert.Equal(19.917808219178085, progress.ExpectedScore!.Value, 9);
        Assert.True(progress.OnTrack);
        Assert.Equal(NpsPosterior.ProbabilityAtLeast(new NpsCategoryCounts(1, 0, 3), 30), progress.ProbabilityAtLeastTarget);
    }

    [Fact]
    public void Evaluate_BelowTheLine_IsNotOnTrack()
    {
        var ambitious = Hypotheek with { Target = 100, By = new DateOnly(2026, 6, 30) };

        var progress = AmbitionTracker.Evaluate(Responses(), [ambitious], AsOfJune).Single();

        Assert.Equal(100, progress.ExpectedScore);
        Assert.False(progress.OnTrack);
        Assert.Equal(0, progress.ProbabilityAtLeastTarget, 9);
    }

    [Fact]
    public void Evaluate_NoAnswersInTheWindow_HasNoChangeAndNoVerdict()
    {
        var progress = AmbitionTracker.Evaluate(Responses(), [Hypotheek], AsOfJune with { AsOf = new DateOnly(2027, 6, 30) }).Single();

        Assert.True(progress.Current.IsEmpty);
        Assert.Null(progress.Change);
        Assert.Null(progress.OnTrack);
        Assert.Equal(30, progress.ExpectedScore);                                     // after "by" the line is the target
        Assert.Equal(0.49 / 2, progress.ProbabilityAtLeastTarget, 6);                 // the uniform prior: (1 − 0.3)²/2
    }

    [Fact]
    public void Evaluate_TimeZone_DecidesTheLocalDay()
    {
        // 2026-06-30T22:30Z is already 1 July in Amsterdam: outside a window ending on 30 June there.
        SurveyResponse[] late = [Response("L1", 10, "2026-06-30T22:30:00Z")];
        var amsterdam = AsOfJune with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };

        Assert.Equal(1, AmbitionTracker.Evaluate(late, [Hypotheek], AsOfJune).Single().Current.Count);
        Assert.Equal(0, AmbitionTracker.Evaluate(late, [Hypotheek], amsterdam).Single().Current.Count);
    }

    [Fact]
    public void Evaluate_AnyDimension_MatchesIgnoringCase()
    {
        SurveyResponse[] responses = [Response("A1", 10, "2026-05-01T10:00:00Z") with { Attributes = new Dictionary<string, string> { ["region"] = "Noord" } }];

        var progress = AmbitionTracker.Evaluate(responses, [Hypotheek with { Dimension = "region", Value = "noord" }], AsOfJune).Single();

        Assert.Equal(1, progress.Current.Count);
    }

    [Theory]
    [InlineData("2025-06-30", 10)]   // before the baseline ends: the baseline score
    [InlineData("2025-12-31", 10)]
    [InlineData("2026-07-02", 20)]   // day 183 of 365: 10 + 20·183/365 = 20.03
    [InlineData("2027-03-01", 30)]   // after "by": the target
    public void ExpectedScore_IsTheLineHeldFlatOutside(string day, double expected)
    {
        var value = AmbitionTracker.ExpectedScore(Hypotheek, 10, DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal(expected, value, 0);
    }
}
