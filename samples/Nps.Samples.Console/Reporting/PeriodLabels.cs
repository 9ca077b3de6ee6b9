using System.Globalization;

namespace Nps.Samples.Console.Reporting;

/// <summary>Labels an instant with the period it falls in, in a given time zone.</summary>
public static class PeriodLabels
{
    /// <summary>Parses a <c>--period</c> value (day, week, month, quarter, year).</summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        switch (text)
        {
            case "day": period = ReportPeriod.Day; return true;
            case "week": period = ReportPeriod.Week; return true;
            case "month": period = ReportPeriod.Month; return true;
            case "quarter": period = ReportPeriod.Quarter; return true;
            case "year": period = ReportPeriod.Year; return true;
            default: period = default; return false;
        }
    }

    /// <summary>
    /// The label of the period containing <paramref name="instant"/> as seen on the clocks of <paramref name="zone"/>:
    /// a response at 23:30 UTC on 31 March is in April in Amsterdam.
    /// </summary>
    public static string For(DateTimeOffset instant, ReportPeriod period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return period switch
        {
            ReportPeriod.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReportPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}"),
            ReportPeriod.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ReportPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{local.Year:D4}-Q{(local.Month + 2) / 3}"),
            ReportPeriod.Year => local.Year.ToString("D4", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
        };
    }
}
