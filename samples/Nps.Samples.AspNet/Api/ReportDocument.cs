using System.Text.Json.Serialization;
using Nps.Insights;
using Nps.Segmentation;

namespace Nps.Samples.AspNet.Api;

/// <summary>The body of <c>GET /api/reports/nps</c>: the same shape as <c>nps report --format json</c>.</summary>
public sealed record ReportDocument(
    double Level,
    string Method,
    long Rejected,
    int MinN,
    bool IncludeManual,
    ReportCell Overall,
    IReadOnlyList<ReportCell> Segments)
{
    public static ReportDocument From(NpsReport report, string method) => new(
        report.Options.Level, method, 0, report.Options.MinimumCount, report.Options.IncludeManualSends,
        ReportCell.From(report.Overall), report.Cells.Select(ReportCell.From).ToList());
}

/// <summary>One cell: <c>overall</c> or a segment; scores in NPS points rounded to 2 decimals, null when empty.</summary>
public sealed record ReportCell(
    IReadOnlyDictionary<string, string> Dimensions,
    long Count,
    long Promoters,
    long Passives,
    long Detractors,
    double? Nps,
    double? Lower,
    double? Upper,
    bool EnoughData,
    long ManualExcluded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedNps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedLower,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedUpper)
{
    public static ReportCell From(NpsReportCell cell)
    {
        var empty = cell.Count == 0;
        return new ReportCell(
            new SortedDictionary<string, string>(cell.Dimensions.ToDictionary(), StringComparer.Ordinal),
            cell.Count, cell.Promoters, cell.Passives, cell.Detractors,
            empty ? null : Round(cell.Score), empty ? null : Round(cell.Interval.Lower), empty ? null : Round(cell.Interval.Upper),
            cell.EnoughData, cell.ManualSends,
            cell.Weighted is { } w ? Round(w.Score) : null,
            cell.WeightedInterval is { } wi ? Round(wi.Lower) : null,
            cell.WeightedInterval is { } wu ? Round(wu.Upper) : null);
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The body of <c>GET /api/insights/coaching</c>: only the signals that fired.</summary>
public sealed record CoachingDocument(string Dimension, string Period, IReadOnlyList<CoachingSignal> Signals);

/// <summary>The body of <c>POST /api/follow-ups/{id}/status</c>.</summary>
public sealed record FollowUpStatusRequest
{
    /// <summary><c>contacted</c> or <c>closed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The contact note or the outcome.</summary>
    public string? Note { get; init; }
}
