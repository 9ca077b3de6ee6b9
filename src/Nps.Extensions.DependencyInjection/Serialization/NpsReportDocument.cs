using System.Text.Json.Serialization;
using Nps.Segmentation;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of an NPS report, shared by every host (the <c>nps report --format json</c> output and the
/// web API's <c>GET /api/reports/nps</c>), so the two cannot drift apart. Serialise it camelCase.
/// </summary>
/// <param name="Level">The confidence level used.</param>
/// <param name="Method">The interval method used: <c>adjusted-wald</c>, <c>wald</c> or <c>score</c>.</param>
/// <param name="Rejected">Invalid input rows that were skipped.</param>
/// <param name="MinN">The minimum n below which a cell has not enough data.</param>
/// <param name="IncludeManual">Whether manual sends were counted.</param>
/// <param name="Overall">The whole population.</param>
/// <param name="Segments">One entry per combination of dimension values (and period), ordered by those values, then period.</param>
public sealed record NpsReportDocument(
    double Level,
    string Method,
    long Rejected,
    int MinN,
    bool IncludeManual,
    NpsReportCellDocument Overall,
    IReadOnlyList<NpsReportCellDocument> Segments)
{
    /// <summary>
    /// The document of a report: overall, then the segments ordered by their dimension values in the order the
    /// report groups by, then by period (easier to read per team than per period).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="rejected">Invalid input rows that were skipped before the report saw them.</param>
    /// <returns>The document.</returns>
    public static NpsReportDocument From(NpsReport report, long rejected = 0)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = report.Options;
        var segments = report.Cells
            .OrderBy(c => c, new DimensionsThenPeriod(options.Dimensions))
            .Select(c => NpsReportCellDocument.From(c, options))
            .ToList();
        return new NpsReportDocument(options.Level, FormatMethod(options.IntervalMethod), rejected, options.MinimumCount,
            options.IncludeManualSends, NpsReportCellDocument.From(report.Overall, options), segments);
    }

    /// <summary>The contract's name of an interval method: <c>adjusted-wald</c>, <c>wald</c> or <c>score</c>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    public static string FormatMethod(IntervalMethod method) => method switch
    {
        IntervalMethod.Wald => "wald",
        IntervalMethod.Score => "score",
        _ => "adjusted-wald",
    };

    private sealed class DimensionsThenPeriod(IReadOnlyList<string> dimensions) : IComparer<NpsReportCell>
    {
        public int Compare(NpsReportCell? x, NpsReportCell? y)
        {
            foreach (var dimension in dimensions)
            {
                var order = string.CompareOrdinal(x![dimension], y![dimension]);
                if (order != 0) return order;
            }

            return Nullable.Compare(x!.Period, y!.Period);
        }
    }
}

/// <summary>One cell of a report document: the whole population (<c>overall</c>) or one segment. Scores in points,
/// rounded to 2 decimals.</summary>
/// <param name="Dimensions">Dimension name → value, with <c>period</c> when grouped by period; empty for overall.</param>
/// <param name="Count">Responses counted (manual sends excluded unless included).</param>
/// <param name="Promoters">Ratings of 9–10.</param>
/// <param name="Passives">Ratings of 7–8.</param>
/// <param name="Detractors">Ratings of 0–6.</param>
/// <param name="Nps">The score in points; null when there are no responses.</param>
/// <param name="Lower">Lower confidence bound in points; null when there are no responses.</param>
/// <param name="Upper">Upper confidence bound in points; null when there are no responses.</param>
/// <param name="EnoughData">Whether <paramref name="Count"/> reaches the minimum n.</param>
/// <param name="ManualSends">Manual sends in this cell, left out of every count unless included.</param>
/// <param name="WeightedNps">The inclusion-probability-weighted score, when weights differ.</param>
/// <param name="WeightedLower">Lower bound of the weighted score.</param>
/// <param name="WeightedUpper">Upper bound of the weighted score.</param>
/// <param name="EffectiveCount">Kish's effective sample size of the weighted estimate.</param>
/// <param name="VersusRest">The segment against the rest of its period (or of everything), when both reach the minimum n.</param>
/// <param name="VersusPrevious">The segment against the same segment in the previous period, when both reach the minimum n.</param>
public sealed record NpsReportCellDocument(
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NpsSignificanceDocument? VersusRest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NpsSignificanceDocument? VersusPrevious)
{
    /// <summary>The document of one report cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="options">The options the report was built with.</param>
    /// <returns>The cell document.</returns>
    public static NpsReportCellDocument From(NpsReportCell cell, NpsReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
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

        return new NpsReportCellDocument(
            dimensions, cell.Count, cell.Promoters, cell.Passives, cell.Detractors,
            empty ? null : Round(cell.Score), empty ? null : Round(cell.Interval.Lower), empty ? null : Round(cell.Interval.Upper),
            cell.EnoughData, options.IncludeManualSends ? 0 : cell.ManualSends,
            weightedNps, weightedLower, weightedUpper, effectiveCount,
            NpsSignificanceDocument.From(cell.VersusRest), NpsSignificanceDocument.From(cell.VersusPrevious));
    }

    internal static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A two-sample test of a segment's score, with the Benjamini–Hochberg adjusted p-value.</summary>
/// <param name="Difference">Segment score minus the reference score, in points.</param>
/// <param name="PValue">The two-sided p-value of this one test.</param>
/// <param name="AdjustedPValue">The p-value adjusted for all tests in the report (Benjamini–Hochberg).</param>
/// <param name="Significant">Whether the adjusted p-value is below 1 − level.</param>
public sealed record NpsSignificanceDocument(double Difference, double PValue, double AdjustedPValue, bool Significant)
{
    /// <summary>The document of a test, or null when the cell was not tested.</summary>
    /// <param name="test">The test.</param>
    /// <returns>The document, or null.</returns>
    public static NpsSignificanceDocument? From(SignificanceTest? test) => test is { } t
        ? new NpsSignificanceDocument(NpsReportCellDocument.Round(t.Difference), Math.Round(t.PValue, 6), Math.Round(t.AdjustedPValue, 6), t.IsSignificant)
        : null;
}
