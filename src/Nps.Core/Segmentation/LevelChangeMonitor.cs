namespace Nps.Segmentation;

/// <summary>
/// Watches one score over its periods for a lasting change from its usual level: a two-sided CUSUM (<see cref="Cusum"/>)
/// on each period's score against the pooled score of the earlier periods (a self-starting baseline), with a threshold
/// calibrated so that an unchanged score gives a false mark every <c>yearsPerFalseMark</c> years on average, however
/// often someone looks. The result for a period depends only on the periods up to it, so a mark once shown stays.
/// </summary>
/// <remarks>
/// <para>Why this and not "this period against the last one at p &lt; 0.05": a team whose brief is read every week
/// would see about 2.6 false "significant changes" a year from that test. Here a mark needs the evidence of several
/// periods (each period adds at most a clipped amount), so it says what it means: the level moved, since a date.</para>
/// <para>Each period's standardised difference uses the baseline's per-response variance (as if nothing changed) at
/// the period's n plus the baseline's own: near-independent recursive residuals, so the calibration holds although the
/// usual level is estimated. Each period is judged against the periods before it; after a mark the baseline restarts
/// from the change point (the new level is the usual one from then on). Monitoring starts once the usual level rests on
/// three periods' worth of answers. Periods below the minimum n add nothing.</para>
/// </remarks>
public static class LevelChangeMonitor
{
    /// <summary>The default false-mark rate: one false mark per 15 years of an unchanged score, so that in 5 years of weekly looks (a third of a false mark expected) at least 90 % of teams see at most one, with room for the approximations.</summary>
    public const double DefaultYearsPerFalseMark = 15;

    /// <summary>The allowance k in standard deviations: tuned to a shift of one standard error of a period's score.</summary>
    private const double Allowance = 0.5;

    private const int Lag = 1;

    private const int WarmUp = 3;

    /// <summary>The marks of one series, each at the index of the period that signalled it.</summary>
    /// <param name="periods">The series in time order: a label and the counts per category of each period.</param>
    /// <param name="periodsPerYear">How many such periods make a year (52.18 for weeks, 12 for months).</param>
    /// <param name="yearsPerFalseMark">Years per false mark of an unchanged score (both directions together).</param>
    /// <param name="minimumCount">The fewest responses for a period to add evidence.</param>
    /// <returns>The index of each signalling period with its mark, in time order.</returns>
    public static IReadOnlyList<(int Index, ChangeMark Mark)> Marks(IReadOnlyList<(string Label, NpsCategoryCounts Counts)> periods,
        double periodsPerYear, double yearsPerFalseMark = DefaultYearsPerFalseMark, int minimumCount = 1)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var sums = new (string Label, WeightedNpsAccumulator Sums)[periods.Count];
        for (var t = 0; t < sums.Length; t++)
        {
            var counts = periods[t].Counts;
            sums[t].Label = periods[t].Label;
            sums[t].Sums.Add(NpsCategory.Detractor, counts.Detractors, counts.Detractors, counts.Detractors);
            sums[t].Sums.Add(NpsCategory.Passive, counts.Passives, counts.Passives, counts.Passives);
            sums[t].Sums.Add(NpsCategory.Promoter, counts.Promoters, counts.Promoters, counts.Promoters);
        }

        return Marks(sums, periodsPerYear, yearsPerFalseMark, minimumCount);
    }

    /// <summary>
    /// The marks of one weighted series (responses with design weights): each period's weighted score against the
    /// pooled weighted score of the earlier periods, with the linearised variance the period's score would have if
    /// nothing changed — the usual level's per-response variance over the period's Kish effective n — plus the usual
    /// level's own. With equal weights this is <see cref="Marks(IReadOnlyList{ValueTuple{string, NpsCategoryCounts}}, double, double, int)"/>.
    /// </summary>
    internal static IReadOnlyList<(int Index, ChangeMark Mark)> Marks(IReadOnlyList<(string Label, WeightedNpsAccumulator Sums)> periods,
        double periodsPerYear, double yearsPerFalseMark = DefaultYearsPerFalseMark, int minimumCount = 1)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (!(periodsPerYear > 0 && double.IsFinite(periodsPerYear))) throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "A positive number of periods.");
        if (!(yearsPerFalseMark > 0 && double.IsFinite(yearsPerFalseMark))) throw new ArgumentOutOfRangeException(nameof(yearsPerFalseMark), yearsPerFalseMark, "A positive number of years.");

        // Two one-sided CUSUMs, each at half the false-mark rate.
        var threshold = Cusum.Threshold(Allowance, Math.Max(1, 2 * yearsPerFalseMark * periodsPerYear));
        var marks = new List<(int, ChangeMark)>();
        WeightedNpsAccumulator baseline = default;
        double up = 0, down = 0;
        int upSince = 0, downSince = 0, absorbedFrom = 0;
        for (var t = 0; t < periods.Count; t++)
        {
            var sums = periods[t].Sums;
            if (t - Lag >= absorbedFrom && periods[t - Lag].Sums.Count >= minimumCount) baseline.Add(periods[t - Lag].Sums);
            // The usual level needs a few periods' worth of answers before its variance can be trusted.
            if (sums.Count == 0 || sums.Count < minimumCount || baseline.Count < WarmUp * minimumCount) continue;
            var usual = baseline.ToEstimate();
            var current = sums.ToEstimate();
            var variance = ResponseVariance(usual) * (1 / current.EffectiveSampleSize + 1 / usual.EffectiveSampleSize);
            if (!(variance > 0))
            {
                continue;
            }

            var z = (current.Score - usual.Score) / Math.Sqrt(variance);
            if (up == 0) upSince = t;
            if (down == 0) downSince = t;
            up = Cusum.Step(up, z, Allowance);
            down = Cusum.Step(down, -z, Allowance);
            if (up <= threshold && down <= threshold) continue;
            var since = up > threshold ? upSince : downSince;
            WeightedNpsAccumulator level = default;
            for (var i = since; i <= t; i++)
            {
                if (periods[i].Sums.Count >= minimumCount) level.Add(periods[i].Sums);
            }

            var levelEstimate = level.ToEstimate();
            marks.Add((t, new ChangeMark(up > threshold ? "above" : "below", periods[since].Label, periods[t].Label, usual.Score, levelEstimate.Score, levelEstimate.Count)));
            (up, down) = (0, 0);
            baseline = level;
            absorbedFrom = t + 1;
        }

        return marks;
    }

    // The variance of one response's x ∈ {−1, 0, 1} (in points²) at the usual level's weighted shares.
    private static double ResponseVariance(WeightedNpsEstimate usual)
    {
        double p = usual.PromoterShare, d = usual.DetractorShare;
        return 100 * 100 * (p + d - (p - d) * (p - d));
    }
}
