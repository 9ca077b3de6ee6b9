using Nps.Samples.Console.Reporting;

namespace Nps.Samples.Tests.Console;

public sealed class PeriodLabelsTests
{
    [Theory]
    [InlineData("2026-03-14T10:00:00+00:00", ReportPeriod.Day, "2026-03-14")]
    [InlineData("2026-03-14T10:00:00+00:00", ReportPeriod.Week, "2026-W11")]
    [InlineData("2026-03-14T10:00:00+00:00", ReportPeriod.Month, "2026-03")]
    [InlineData("2026-03-14T10:00:00+00:00", ReportPeriod.Quarter, "2026-Q1")]
    [InlineData("2026-03-14T10:00:00+00:00", ReportPeriod.Year, "2026")]
    [InlineData("2026-10-01T00:00:00+00:00", ReportPeriod.Quarter, "2026-Q4")]
    [InlineData("2024-12-30T00:00:00+00:00", ReportPeriod.Week, "2025-W01")]
    [InlineData("2021-01-03T12:00:00+00:00", ReportPeriod.Week, "2020-W53")]
    [InlineData("2027-01-03T12:00:00+00:00", ReportPeriod.Week, "2026-W53")]
    [InlineData("2027-01-04T00:00:00+00:00", ReportPeriod.Week, "2027-W01")]
    public void For_Utc_LabelsAsDocumented(string instant, ReportPeriod period, string expected)
    {
        var label = PeriodLabels.For(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), period, TimeZoneInfo.Utc);

        Assert.Equal(expected, label);
    }

    [Fact]
    public void For_AmsterdamNewYearsEve_FallsInNextYear()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var instant = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026", PeriodLabels.For(instant, ReportPeriod.Year, zone));
        Assert.Equal("2025", PeriodLabels.For(instant, ReportPeriod.Year, TimeZoneInfo.Utc));
    }
}
