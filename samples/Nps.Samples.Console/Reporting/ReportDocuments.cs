using Nps.Segmentation;

namespace Nps.Samples.Console.Reporting;

/// <summary>Turns the library's <see cref="NpsReport"/> into the tool's JSON contract.</summary>
internal static class ReportDocuments
{
    /// <summary>
    /// The document: overall, then the segments ordered by their dimension values in <c>--by</c> order and then by
    /// period (easier to read per team than per period).
    /// </summary>
    public static ReportDocument From(NpsReport report, long rejected)
    {
        var options = report.Options;
        var segments = report.Cells
            .OrderBy(c => c, new DimensionsThenPeriod(options.Dimensions))
            .Select(c => Result(c, options))
            .ToList();
        return new ReportDocument(
            options.Level,
            MethodNames.Format(options.IntervalMethod),
            rejected,
            options.MinimumCount,
            options.IncludeManualSends,
            Result(report.Overall, options),
            segments);
    }

    private static SegmentResult Result(NpsReportCell cell, NpsReportOptions options)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.Dimensions)
        {
            if (cell[name] is { } value)
            {
                dimensions[name] = value;
            }
        }

        if (cell.Period is { } period)
        {
            dimensions[NpsReportCell.PeriodDimension] = period.Label;
        }

        var empty = cell.Count == 0;
        double? weightedScore = null, weightedLower = null, weightedUpper = null, effectiveCount = null;
        if (cell.Weighted is { IsEmpty: false } estimate && cell.WeightedInterval is { } weightedInterval)
        {
            weightedScore = Round(estimate.Score);
            weightedLower = Round(weightedInterval.Lower);
            weightedUpper = Round(weightedInterval.Upper);
            effectiveCount = Round(estimate.EffectiveSampleSize);
        }

        return new SegmentResult(
            dimensions,
            cell.Count,
            cell.Promoters,
            cell.Passives,
            cell.Detractors,
            empty ? null : Round(cell.Score),
            empty ? null : Round(cell.Interval.Lower),
            empty ? null : Round(cell.Interval.Upper),
            cell.EnoughData,
            options.IncludeManualSends ? 0 : cell.ManualSends,
            weightedScore,
            weightedLower,
            weightedUpper,
            effectiveCount,
            Test(cell.VersusRest),
            Test(cell.VersusPrevious));
    }

    private static SignificanceResult? Test(SignificanceTest? test) => test is { } t
        ? new SignificanceResult(Round(t.Difference), Math.Round(t.PValue, 6), Math.Round(t.AdjustedPValue, 6), t.IsSignificant)
        : null;

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed class DimensionsThenPeriod(IReadOnlyList<string> dimensions) : IComparer<NpsReportCell>
    {
        public int Compare(NpsReportCell? x, NpsReportCell? y)
        {
            foreach (var dimension in dimensions)
            {
                var order = string.CompareOrdinal(x![dimension], y![dimension]);
                if (order != 0)
                {
                    return order;
                }
            }

            return Nullable.Compare(x!.Period, y!.Period);
        }
    }
}
