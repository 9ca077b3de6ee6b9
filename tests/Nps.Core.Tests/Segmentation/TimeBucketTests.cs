using FsCheck.Xunit;
using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class TimeBucketTests
{
    [Theory]
    [InlineData("2026-03-14", Period.Day, "2026-03-14")]
    [InlineData("2026-03-14", Period.Week, "2026-W11")]
    [InlineData("2026-03-14", Period.Month, "2026-03")]
    [InlineData("2026-03-14", Period.Quarter, "2026-Q1")]
    [InlineData("2026-03-14", Period.Year, "2026")]
    [InlineData("2020-12-31", Period.Week, "2020-W53")]
    [InlineData("2021-01-03", Period.Week, "2020-W53")]
    [InlineData("2021-01-04", Period.Week, "2021-W01")]
    [InlineData("2024-12-30", Period.Week, "2025-W01")]
    [InlineData("2026-12-31", Period.Quarter, "2026-Q4")]
    public void Label_KnownDates_MatchesIsoFormats(string date, Period period, string expected)
    {
        var bucket = TimeBucket.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), period);
        Assert.Equal(expected, bucket.Label);
        Assert.True(TimeBucket.TryParse(expected, out var parsed));
        Assert.Equal(bucket, parsed);
    }

    [Fact]
    public void StartEndPrevious_IsoWeekAcrossYearBoundary_AreConsecutive()
    {
        var week = TimeBucket.Containing(new DateOnly(2021, 1, 3), Period.Week);
        Assert.Equal(new DateOnly(2020, 12, 28), week.Start);
        Assert.Equal(new DateOnly(2021, 1, 4), week.End);
        Assert.Equal("2020-W52", week.Previous.Label);
        Assert.Equal("2021-W01", week.Next.Label);
        Assert.Equal("2025-Q4", TimeBucket.Containing(new DateOnly(2026, 2, 1), Period.Quarter).Previous.Label);
    }

    [Fact]
    public void Of_InstantNearMidnight_BucketsByLocalDateOfZone()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var instant = new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero); // 00:30 on 1 April in Amsterdam (CEST)
        Assert.Equal("2026-03", TimeBucket.Of(instant, Period.Month).Label);
        Assert.Equal("2026-04", TimeBucket.Of(instant, Period.Month, amsterdam).Label);
        Assert.Equal("2026-Q2", TimeBucket.Of(instant, Period.Quarter, amsterdam).Label);
        var april = TimeBucket.Of(instant, Period.Month, amsterdam);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero), april.GetStartInstant(amsterdam));
    }

    [Property(MaxTest = 500)]
    public bool Containing_AnyDateAndPeriod_ContainsTheDateAndChainsWithPrevious(int dayNumber, byte periodRaw)
    {
        var date = DateOnly.FromDayNumber(366 + (int)((uint)dayNumber % 3_000_000u));
        var bucket = TimeBucket.Containing(date, (Period)(periodRaw % 5));
        return bucket.Contains(date) && bucket.Previous.End == bucket.Start && bucket.Previous.Next == bucket
            && TimeBucket.TryParse(bucket.Label, out var parsed) && parsed == bucket;
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-W54")]
    [InlineData("2026-Q5")]
    [InlineData("2026-13")]
    [InlineData("26-03-14")]
    public void TryParse_Malformed_ReturnsFalse(string label) => Assert.False(TimeBucket.TryParse(label, out _));
}
