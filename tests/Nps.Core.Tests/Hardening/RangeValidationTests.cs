using Nps.Ambitions;
using Nps.Huddle;
using Nps.Insights;
using Nps.Segmentation;

namespace Nps.Tests.Hardening;

/// <summary>Values at the edge of their range are refused (options with <see cref="NpsOptionsException"/>, arguments with argument errors) before any work (a host's 400), never a crash later.</summary>
public sealed class RangeValidationTests
{
    [Theory]
    [InlineData(0.9999999999999999)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void ConfidenceLevel_AtOrRoundingToOne_RefusedEverywhere(double level)
    {
        Assert.False(NormalDistribution.IsConfidenceLevel(level));
        var report = Assert.Throws<NpsOptionsException>(() => new NpsReportBuilder(new NpsReportOptions { Level = level }));
        Assert.Equal("Level", Assert.Single(report.Errors).Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.TwoSidedCriticalValue(level));
        Assert.Equal("Level", Assert.Single(new AmbitionTrackerOptions { AsOf = new DateOnly(2026, 3, 1), Level = level }.Errors()).Field);
    }

    [Fact]
    public void ConfidenceLevel_NearOne_MessageSaysWhy()
    {
        var error = Assert.Throws<NpsOptionsException>(() => new NpsReportBuilder(new NpsReportOptions { Level = 0.9999999999999999 }));
        Assert.Equal("A confidence level must lie strictly between 0 and 1 with a tail a double can hold (at most 0.9999999999999998); got 0.9999999999999999.", Assert.Single(error.Errors).Reason);
        Assert.True(NormalDistribution.IsConfidenceLevel(0.9999999999999998));
        Assert.True(double.IsFinite(NormalDistribution.TwoSidedCriticalValue(0.9999999999999998)));
    }

    [Fact]
    public void HuddleBriefBuilder_FirstIsoWeekOfYearOne_RefusedBeforeBuilding()
    {
        Assert.True(HuddlePeriod.TryParseIsoWeek("0001-W01", out var week));

        var error = Assert.Throws<NpsOptionsException>(() => new HuddleBriefBuilder(new HuddleBriefOptions { Team = "care", Period = week }));

        Assert.Equal([new DataError(0, "Period", "0001-W01 with a trend of 8 periods does not fit the calendar (0001-01-01 to 9999-12-30).")], error.Errors);
        Assert.Null(HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 11)).TrendProblem(8));
    }

    [Fact]
    public void HuddlePeriod_FromYearOneToYear9999_RefusedAsTooLong()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HuddlePeriod.FromDates(DateOnly.MinValue, new DateOnly(9999, 12, 31)));

        Assert.StartsWith("0001-01-01/9999-12-31 is 3652059 days; a huddle covers at most 366.", error.Message, StringComparison.Ordinal);
        Assert.Equal(366, HuddlePeriod.FromDates(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Days);
        Assert.NotNull(HuddlePeriod.FromDates(new DateOnly(9999, 12, 1), new DateOnly(9999, 12, 31)).TrendProblem(8));
    }

    [Fact]
    public void AmbitionTracker_AsOfYearOneOrHugeWindow_Refused()
    {
        var early = new AmbitionTrackerOptions { AsOf = DateOnly.MinValue };
        Assert.Equal([new DataError(0, "AsOf", "the window of 90 days ending 0001-01-01 starts before 0001-01-01.")], early.Errors());
        Assert.Throws<NpsOptionsException>(() => AmbitionTracker.Evaluate([], [], early));

        var window = new AmbitionTrackerOptions { AsOf = new DateOnly(2026, 3, 1), WindowDays = int.MaxValue };
        Assert.Equal([new DataError(0, "WindowDays", "must be from 1 to 3653 (it is 2147483647).", "2147483647")], window.Errors());
    }

    [Fact]
    public void NpsReportBuilder_FiveDimensions_RefusedUnlessTheOptionAllows()
    {
        string[] five = ["team", "agent", "channel", "product", "region"];

        var error = Assert.Throws<NpsOptionsException>(() => new NpsReportBuilder(new NpsReportOptions { Dimensions = five }));
        Assert.Equal([new DataError(0, "Dimensions", "A report groups by at most 4 dimensions; 5 were given.")], error.Errors);
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsCountQuery.For(new NpsReportOptions { Dimensions = five }).Validate());
        _ = new NpsReportBuilder(new NpsReportOptions { Dimensions = five, MaxDimensions = 5 });
        NpsCountQuery.For(new NpsReportOptions { Dimensions = five, MaxDimensions = 5 }).Validate();
    }

    [Fact]
    public void CoachingSignalOptions_LevelRoundingToOne_Refused() =>
        Assert.Throws<NpsOptionsException>(() => new CoachingSignalDetector(new CoachingSignalOptions { Level = 0.9999999999999999 }));

}
