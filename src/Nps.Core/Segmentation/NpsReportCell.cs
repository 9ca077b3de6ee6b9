using System.Globalization;

namespace Nps.Segmentation;

/// <summary>
/// One cell of an <see cref="NpsReport"/>: a segment (a combination of dimension values, and a period when the
/// report groups by time) with its sample size, counts, shares, score, interval and tests.
/// </summary>
/// <remarks>
/// Below the report's minimum n, <see cref="EnoughData"/> is <see langword="false"/>: show "not enough data"
/// rather than the score. The interval is still reported (it is wide, which is the honest statement).
/// </remarks>
public sealed class NpsReportCell
{
    /// <summary>The key under which a cell's period label appears in <see cref="Dimensions"/>.</summary>
    public const string PeriodDimension = "period";

    /// <summary>The value shown for a dimension a response did not have.</summary>
    public const string MissingValue = "(none)";

    internal NpsReportCell(IReadOnlyDictionary<string, string> dimensions, TimeBucket? period, NpsDistribution distribution,
        long manualSends, long unsolicited, WeightedNpsEstimate? weighted, NpsReportOptions options)
    {
        Dimensions = dimensions;
        Period = period;
        Distribution = distribution;
        ManualSends = manualSends;
        Unsolicited = unsolicited;
        Weighted = weighted;
        EnoughData = distribution.Count >= options.MinimumCount;
        Interval = distribution.ConfidenceInterval(options.Level, options.IntervalMethod);
        WeightedInterval = weighted?.ConfidenceInterval(options.Level, options.IntervalMethod);
    }

    /// <summary>The cell's dimension values by dimension name, including <c>"period"</c> (its label) when grouped by time; empty for the overall cell.</summary>
    public IReadOnlyDictionary<string, string> Dimensions { get; }

    /// <summary>The period, when the report groups by time.</summary>
    public TimeBucket? Period { get; }

    /// <summary>The distribution of the ratings counted in the score.</summary>
    public NpsDistribution Distribution { get; }

    /// <summary>The sample size n (manual sends excluded unless the options include them).</summary>
    public long Count => Distribution.Count;

    /// <summary>The detractor, passive and promoter counts.</summary>
    public NpsCategoryCounts Categories => Distribution.Categories;

    /// <summary>Answers 0–6.</summary>
    public long Detractors => Distribution.Detractors;

    /// <summary>Answers 7–8.</summary>
    public long Passives => Distribution.Passives;

    /// <summary>Answers 9–10.</summary>
    public long Promoters => Distribution.Promoters;

    /// <summary>Share of detractors in [0, 1]; NaN when empty.</summary>
    public double DetractorShare => Distribution.DetractorShare;

    /// <summary>Share of passives in [0, 1]; NaN when empty.</summary>
    public double PassiveShare => Distribution.PassiveShare;

    /// <summary>Share of promoters in [0, 1]; NaN when empty.</summary>
    public double PromoterShare => Distribution.PromoterShare;

    /// <summary>The NPS in points; NaN when empty. Check <see cref="EnoughData"/> before showing it.</summary>
    public double Score => Distribution.Score;

    /// <summary>The confidence interval of the score (always reported, also below the minimum n).</summary>
    public NpsInterval Interval { get; }

    /// <summary>Whether n reaches the minimum: <see langword="false"/> exactly when n &lt; the options' minimum count.</summary>
    public bool EnoughData { get; }

    /// <summary>Responses to manual sends in this cell (counted here; in the score only when the options include them).</summary>
    public long ManualSends { get; }

    /// <summary>Unsolicited responses in this cell (that matched no invitation; in the score only when the options include them).</summary>
    public long Unsolicited { get; }

    /// <summary>The weighted estimate, present only when the cell's inclusion probabilities differ.</summary>
    public WeightedNpsEstimate? Weighted { get; }

    /// <summary>The interval of the weighted estimate, when there is one.</summary>
    public NpsInterval? WeightedInterval { get; }

    /// <summary>
    /// This cell against the rest of the population (of the same period when grouped by time), when tested; between
    /// weighted estimates when the report's inclusion probabilities differ (<see cref="SignificanceTest.IsWeighted"/>).
    /// </summary>
    public SignificanceTest? VersusRest { get; internal set; }

    /// <summary>This cell against the same segment in the previous period, when tested (weighted like <see cref="VersusRest"/>).</summary>
    public SignificanceTest? VersusPrevious { get; internal set; }

    /// <summary>
    /// When grouped by time: a lasting change of this segment's score from its usual level, signalled in this cell's
    /// period (e.g. "below its usual level since 2026-W14"), by sequential monitoring of the segment's periods that
    /// survives weekly looking (<see cref="LevelChangeMonitor"/>); null otherwise. The trend's marks are these, not
    /// <see cref="VersusPrevious"/>, which is one comparison to read.
    /// </summary>
    public ChangeMark? Change { get; internal set; }

    /// <summary>The value of one dimension (or <c>"period"</c>).</summary>
    /// <param name="dimension">The dimension name.</param>
    /// <returns>The value, or null when the report does not group by it.</returns>
    public string? this[string dimension] => Dimensions.TryGetValue(dimension, out var value) ? value : null;

    /// <summary>
    /// The cell in one line: n, score and interval, and, when inclusion probabilities differ, the weighted score,
    /// its interval and the effective n beside them (e.g. the report's overall line).
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var key = Dimensions.Count == 0 ? "overall" : string.Join(", ", Dimensions.Select(d => d.Key + "=" + d.Value));
        var line = EnoughData
            ? string.Create(CultureInfo.InvariantCulture, $"{key}: n={Count} NPS={Score:0.0} {Interval}")
            : string.Create(CultureInfo.InvariantCulture, $"{key}: n={Count} not enough data {Interval}");
        return Weighted is { } weighted && EnoughData
            ? line + string.Create(CultureInfo.InvariantCulture, $"; weighted NPS={weighted.Score:0.0} {WeightedInterval} effective n={weighted.EffectiveSampleSize:0.#}")
            : line;
    }
}
