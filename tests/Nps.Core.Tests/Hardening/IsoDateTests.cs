using System.Globalization;
using FsCheck.Xunit;
using Nps.Insights;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Tests.Hardening;

/// <summary><see cref="IsoDate"/> is the one reader of <c>yyyy-MM-dd</c>: strict, culture-free, and what every day-reading format uses.</summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2026-03-14", 2026, 3, 14)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void TryParse_IsoDay_ReadsIt(string text, int year, int month, int day)
    {
        Assert.True(IsoDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-3-14")]
    [InlineData("2026-03-1")]
    [InlineData(" 2026-03-14")]
    [InlineData("2026-03-14 ")]
    [InlineData("2026-03-14T00:00")]
    [InlineData("2026/03/14")]
    [InlineData("14-03-2026")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("+026-03-14")]
    [InlineData("2026-0３-14")] // a full-width digit
    [InlineData("２０２６-03-14")]
    public void TryParse_AnythingElse_Refused(string? text)
    {
        Assert.False(IsoDate.TryParse(text, out var date));
        Assert.Equal(default, date);
    }

    [Property(MaxTest = 200)]
    public bool TryParse_EveryDayWrittenInvariantly_ReadsBackTheSameDay(int dayNumber)
    {
        var day = DateOnly.FromDayNumber((int)((uint)dayNumber % (uint)(DateOnly.MaxValue.DayNumber + 1)));
        return IsoDate.TryParse(day.ToString(IsoDate.Format, CultureInfo.InvariantCulture), out var read) && read == day;
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("2026-3-14")]
    public void Readers_DayTheParserRefuses_RefusedByEach(string day)
    {
        Assert.False(TimeBucket.TryParse(day, out _));
        Assert.False(LaunchDates.TryReadCsv(new StringReader($"value,launched\nBilling,{day}\n"), out _, out var launchError));
        Assert.Equal((2, "launched"), (launchError.Line, launchError.Field));
        Assert.False(AmbitionFile.TryParse(
            $$$"""{"ambitions":[{"dimension":"product","value":"a","target":10,"by":"{{{day}}}","baseline":{"from":"2025-01-01","to":"2025-12-31"}}]}""", out _, out var errors));
        Assert.Contains(errors, e => e.Field == "ambitions[0].by");
    }
}
