using Nps.Samples.Console.Input;

namespace Nps.Samples.Console.Reporting;

/// <summary>
/// Streams responses into one accumulator per segment, keyed by the tuple of dimension values (and period).
/// Rows are never kept: memory grows with the number of distinct segments only.
/// </summary>
internal sealed class ReportAggregator(ReportOptions options)
{
    private const char KeySeparator = '\u001F';

    private readonly SegmentAccumulator overall = new();
    private readonly Dictionary<string, (string[] Values, SegmentAccumulator Accumulator)> segments = new(StringComparer.Ordinal);
    private readonly bool grouped = options.Dimensions.Count > 0 || options.Period is not null;
    private double? firstWeight;

    /// <summary>Whether rows carried different weights, so the weighted estimate differs from the plain one.</summary>
    public bool WeightsDiffer { get; private set; }

    /// <summary>Adds one valid row; <paramref name="reader"/> resolves the dimension columns.</summary>
    public void Add(in ResponseRow row, IRecordReader reader)
    {
        var accumulator = grouped ? SegmentOf(row, reader) : null;
        if (row.Manual && !options.IncludeManual)
        {
            overall.AddExcludedManual();
            accumulator?.AddExcludedManual();
            return;
        }

        firstWeight ??= row.Weight;
        if (row.Weight != firstWeight)
        {
            WeightsDiffer = true;
        }

        overall.Add(row.Rating, row.Weight);
        accumulator?.Add(row.Rating, row.Weight);
    }

    private SegmentAccumulator SegmentOf(in ResponseRow row, IRecordReader reader)
    {
        var count = options.Dimensions.Count + (options.Period is null ? 0 : 1);
        var values = new string[count];
        for (var i = 0; i < options.Dimensions.Count; i++)
        {
            values[i] = row.Record[reader.IndexOf(options.Dimensions[i])] ?? "";
        }

        if (options.Period is { } period)
        {
            // The reader demands responded_at whenever a period is asked for.
            values[^1] = PeriodLabels.For(row.RespondedAt!.Value, period, options.TimeZone);
        }

        var key = string.Join(KeySeparator, values);
        if (!segments.TryGetValue(key, out var segment))
        {
            segment = (values, new SegmentAccumulator());
            segments.Add(key, segment);
        }

        return segment.Accumulator;
    }

    /// <summary>The finished report: overall first, then segments ordered by their dimension values.</summary>
    public ReportDocument Build(long rejected)
    {
        var names = options.Dimensions.Concat(options.Period is null ? [] : ["period"]).ToArray();
        var ordered = segments.Values
            .OrderBy(s => s.Values, ValueTupleComparer.Instance)
            .Select(s => Result(names, s.Values, s.Accumulator))
            .ToList();
        return new ReportDocument(
            options.Level,
            MethodNames.Format(options.Method),
            rejected,
            options.MinimumCount,
            options.IncludeManual,
            Result([], [], overall),
            ordered);
    }

    private SegmentResult Result(string[] names, string[] values, SegmentAccumulator accumulator)
    {
        var dimensions = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            dimensions[names[i]] = values[i];
        }

        var distribution = accumulator.Distribution;
        double? nps = null, lower = null, upper = null;
        if (!distribution.IsEmpty)
        {
            var interval = distribution.ConfidenceInterval(options.Level, options.Method);
            nps = Round(distribution.Score);
            lower = Round(interval.Lower);
            upper = Round(interval.Upper);
        }

        double? weightedNps = null, weightedLower = null, weightedUpper = null, effectiveCount = null;
        if (WeightsDiffer && !distribution.IsEmpty)
        {
            var weighted = accumulator.Weighted;
            var interval = weighted.ConfidenceInterval(options.Level, options.Method);
            weightedNps = Round(weighted.Score);
            weightedLower = Round(interval.Lower);
            weightedUpper = Round(interval.Upper);
            effectiveCount = Round(weighted.EffectiveSampleSize);
        }

        return new SegmentResult(
            dimensions,
            distribution.Count,
            distribution.Promoters,
            distribution.Passives,
            distribution.Detractors,
            nps,
            lower,
            upper,
            distribution.Count >= options.MinimumCount,
            accumulator.ManualExcluded,
            weightedNps,
            weightedLower,
            weightedUpper,
            effectiveCount);
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed class ValueTupleComparer : IComparer<string[]>
    {
        public static readonly ValueTupleComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var order = string.CompareOrdinal(x[i], y[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
