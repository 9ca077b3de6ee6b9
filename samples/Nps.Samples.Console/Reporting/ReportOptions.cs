namespace Nps.Samples.Console.Reporting;

/// <summary>What a report groups by and how it computes its intervals.</summary>
/// <param name="Dimensions">The columns to group by, in order.</param>
/// <param name="Period">The period to group by, or <see langword="null"/>.</param>
/// <param name="TimeZone">The zone whose calendar defines the periods.</param>
/// <param name="Level">The confidence level in (0, 1).</param>
/// <param name="Method">The interval method.</param>
/// <param name="MinimumCount">Below this many responses a cell says "not enough data".</param>
/// <param name="IncludeManual">Whether manual sends count in the score.</param>
public sealed record ReportOptions(
    IReadOnlyList<string> Dimensions,
    ReportPeriod? Period,
    TimeZoneInfo TimeZone,
    double Level,
    IntervalMethod Method,
    int MinimumCount,
    bool IncludeManual);
