using Nps.Segmentation;

namespace Nps.Samples.Console.Reporting;

/// <summary>The command-line names of the periods: day, week, month, quarter, year.</summary>
public static class PeriodNames
{
    /// <summary>The accepted names.</summary>
    public static readonly string[] All = ["day", "week", "month", "quarter", "year"];

    /// <summary>Parses a <c>--period</c> value.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        switch (text)
        {
            case "day": period = Period.Day; return true;
            case "week": period = Period.Week; return true;
            case "month": period = Period.Month; return true;
            case "quarter": period = Period.Quarter; return true;
            case "year": period = Period.Year; return true;
            default: period = default; return false;
        }
    }

    /// <summary>The command-line name of <paramref name="period"/>.</summary>
    public static string Format(Period period) => All[(int)period];
}
