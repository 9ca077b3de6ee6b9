using Nps.Segmentation;

namespace Nps.Serialization;

/// <summary>One cell of a report document: the whole population (<c>overall</c>) or one segment. Scores in points
/// (−100…100) at full precision; every field is always present, <c>null</c> where it does not apply.</summary>
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
/// <param name="WeightedNps">The inclusion-probability-weighted score; null unless the cell's weights differ.</param>
/// <param name="WeightedLower">Lower bound of the weighted score; null without it.</param>
/// <param name="WeightedUpper">Upper bound of the weighted score; null without it.</param>
/// <param name="EffectiveCount">Kish's effective sample size of the weighted estimate; null without it.</param>
/// <param name="VersusRest">The segment against the rest of its period (or of everything); null unless both reach the minimum n.</param>
/// <param name="VersusPrevious">The segment against the same segment in the previous period; null unless both reach the minimum n.</param>
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
    double? WeightedNps,
    double? WeightedLower,
    double? WeightedUpper,
    double? EffectiveCount,
    NpsSignificanceDocument? VersusRest,
    NpsSignificanceDocument? VersusPrevious)
{
    /// <summary>The document of one report cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="options">The options the report was built with.</param>
    /// <returns>The cell document.</returns>
    public static NpsReportCellDocument From(NpsReportCell cell, NpsReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return From(cell, options, Names(options));
    }

    /// <summary>The names a segment document lists, in order: the options' dimensions, then <c>period</c> when grouped by time.</summary>
    internal static string[] Names(NpsReportOptions options) =>
        options.Period is null ? [.. options.Dimensions] : [.. options.Dimensions, NpsReportCell.PeriodDimension];

    /// <summary>The document of one cell, with <paramref name="names"/> (<see cref="Names"/>) shared by every cell of the report.</summary>
    internal static NpsReportCellDocument From(NpsReportCell cell, NpsReportOptions options, string[] names)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        var dimensions = DimensionsOf(cell, options, names);
        var empty = cell.Count == 0;
        double? weightedNps = null, weightedLower = null, weightedUpper = null, effectiveCount = null;
        if (cell.Weighted is { IsEmpty: false } estimate && cell.WeightedInterval is { } interval)
        {
            (weightedNps, weightedLower, weightedUpper) = (NpsJson.Finite(estimate.Score), NpsJson.Finite(interval.Lower), NpsJson.Finite(interval.Upper));
            effectiveCount = NpsJson.Finite(estimate.EffectiveSampleSize);
        }

        return new NpsReportCellDocument(
            dimensions, cell.Count, cell.Promoters, cell.Passives, cell.Detractors,
            empty ? null : NpsJson.Finite(cell.Score), empty ? null : NpsJson.Finite(cell.Interval.Lower), empty ? null : NpsJson.Finite(cell.Interval.Upper),
            cell.EnoughData, options.IncludeManual ? 0 : cell.ManualSends,
            weightedNps, weightedLower, weightedUpper, effectiveCount,
            NpsSignificanceDocument.From(cell.VersusRest), NpsSignificanceDocument.From(cell.VersusPrevious))
        {
            Change = ChangeMarkDocument.From(cell.Change),
            Unsolicited = options.IncludeUnsolicited ? 0 : cell.Unsolicited,
        };
    }

    /// <summary>
    /// A lasting change of the segment from its usual level signalled in this cell's period (sequential monitoring that
    /// survives weekly looking), e.g. "below its usual level since 2026-W14"; null otherwise. The trend's marks.
    /// </summary>
    public ChangeMarkDocument? Change { get; init; }

    /// <summary>Unsolicited responses in this cell (that matched no invitation), left out of every count unless included.</summary>
    public long Unsolicited { get; init; }

    /// <summary>
    /// The options' dimensions that the cell has, then its period's label: one value array over the shared names
    /// when the cell has them all (every segment of a built report), otherwise a map of those it has (the overall cell).
    /// </summary>
    private static IReadOnlyDictionary<string, string> DimensionsOf(NpsReportCell cell, NpsReportOptions options, string[] names)
    {
        var count = options.Dimensions.Count;
        if ((cell.Period is not null) == (options.Period is not null) && names.Length == count + (cell.Period is null ? 0 : 1))
        {
            var values = new string[names.Length];
            var d = 0;
            while (d < count && cell[names[d]] is { } value) values[d++] = value;
            if (d == count)
            {
                if (cell.Period is { } bucket) values[count] = cell[NpsReportCell.PeriodDimension] ?? bucket.Label;
                return new CellDimensions(names, values);
            }
        }

        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.Dimensions)
        {
            if (cell[name] is { } value) dimensions[name] = value;
        }

        if (cell.Period is { } period) dimensions[NpsReportCell.PeriodDimension] = period.Label;
        return dimensions;
    }
}
