using Microsoft.Extensions.Time.Testing;
using Nps.Huddle;

namespace Nps.Tests.Huddle;

public sealed class HuddlePeriodTests
{
    [Theory]
    [InlineData("2026-W11", "2026-03-09", "2026-03-15")]
    [InlineData("2026-W01", "2025-12-29", "2026-01-04")]
    [InlineData("2020-W53", "2020-12-28", "2021-01-03")]
    public void TryParseIsoWeek_ValidLabel_CoversMondayToSunday(string label, string from, string to)
    {
        Assert.True(HuddlePeriod.TryParseIsoWeek(label, out var week));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), week.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), week.To);
        Assert.Equal(label, week.Label);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("2026-03")]
    [InlineData("W11")]
    public void TryParseIsoWeek_NotAWeek_IsRefused(string label)
    {
        Assert.False(HuddlePeriod.TryParseIsoWeek(label, out _));
    }

    [Fact]
    public void Previous_OfWeekOne_IsTheLastWeekOfTheWeekYearBefore()
    {
        Assert.True(HuddlePeriod.TryParseIsoWeek("2021-W01", out var week));

        Assert.Equal("2020-W53", week.Previous.Label);
    }

    [Theory]
    [InlineData("2026-03-16T00:00:00Z", "2026-W11")] // Monday: last week is complete
    [InlineData("2026-03-22T23:59:00Z", "2026-W11")] // Sunday: this week is not
    [InlineData("2026-01-01T12:00:00Z", "2025-W52")]
    public void LastCompleteIsoWeek_IsTheWeekBeforeTheCurrentOne(string now, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, HuddlePeriod.LastCompleteIsoWeek(clock).Label);
    }

    [Fact]
    public void LastCompleteIsoWeek_InAZoneAhead_UsesItsLocalDay()
    {
        // Sunday 23:30 UTC is Monday 00:30 in Amsterdam: there the week just ended is complete.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-15T23:30:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("2026-W10", HuddlePeriod.LastCompleteIsoWeek(clock).Label);
        Assert.Equal("2026-W11", HuddlePeriod.LastCompleteIsoWeek(clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Label);
    }

    [Fact]
    public void FromDates_ToBeforeFrom_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HuddlePeriod.FromDates(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)));
    }
}
