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
    /// <summary>Segments ordered by their dimension values in <c>by</c> order, then by period, as the console orders them.</summary>
    public static ReportDocument From(NpsReport report, string method)
    {
        var options = report.Options;
        var segments = report.Cells
            .OrderBy(c => string.Join('\u001f', options.Dimensions.Select(d => c[d] ?? "")), StringComparer.Ordinal)
            .ThenBy(c => c.Period)
            .Select(c => ReportCell.From(c, options))
            .ToList();
        return new(options.Level, method, 0, options.MinimumCount, options.IncludeManualSends, ReportCell.From(report.Overall, options), segments);
    }
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
    long ManualSends,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedNps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedLower,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedUpper,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? EffectiveCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportSignificance? VersusRest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportSignificance? VersusPrevious)
{
    public static ReportCell From(NpsReportCell cell, NpsReportOptions options)
    {
        // Dimensions in the order asked for, then the period label.
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.Dimensions)
        {
            if (cell[name] is { } value) dimensions[name] = value;
        }

        if (cell.Period is { } period) dimensions[NpsReportCell.PeriodDimension] = period.Label;
        var empty = cell.Count == 0;
        double? weightedNps = null, weightedLower = null, weightedUpper = null, effectiveCount = null;
        if (cell.Weighted is { IsEmpty: false } estimate && cell.WeightedInterval is { } interval)
        {
            (weightedNps, weightedLower, weightedUpper) = (Round(estimate.Score), Round(interval.Lower), Round(interval.Upper));
            effectiveCount = Round(estimate.EffectiveSampleSize);
        }

        return new ReportCell(
            dimensions, cell.Count, cell.Promoters, cell.Passives, cell.Detractors,
            empty ? null : Round(cell.Score), empty ? null : Round(cell.Interval.Lower), empty ? null : Round(cell.Interval.Upper),
            cell.EnoughData, options.IncludeManualSends ? 0 : cell.ManualSends,
            weightedNps, weightedLower, weightedUpper, effectiveCount,
            ReportSignificance.From(cell.VersusRest),
            ReportSignificance.From(cell.VersusPrevious));
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A cell against the rest or the previous period: difference in points, p-value and Benjamini–Hochberg adjusted p-value.</summary>
public sealed record ReportSignificance(double Difference, double PValue, double AdjustedPValue, bool Significant)
{
    public static ReportSignificance? From(SignificanceTest? test) => test is { } t
        ? new(Math.Round(t.Difference, 2, MidpointRounding.AwayFromZero), Math.Round(t.PValue, 6), Math.Round(t.AdjustedPValue, 6), t.IsSignificant)
        : null;
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
