namespace Nps.Samples.Console.Reporting;

/// <summary>The calendar period a report groups by.</summary>
public enum ReportPeriod
{
    /// <summary>Calendar day, labelled <c>2026-03-14</c>.</summary>
    Day,

    /// <summary>ISO 8601 week, labelled with its ISO week-year: <c>2026-W11</c> (2025-12-29 is in <c>2026-W01</c>).</summary>
    Week,

    /// <summary>Calendar month, labelled <c>2026-03</c>.</summary>
    Month,

    /// <summary>Calendar quarter, labelled <c>2026-Q1</c>.</summary>
    Quarter,

    /// <summary>Calendar year, labelled <c>2026</c>.</summary>
    Year,
}
