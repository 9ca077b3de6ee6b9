using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// The lower CUSUM (<see cref="Cusum"/>) over a value's periods: each period's standardised shortfall
/// zₜ = (gapₜ − baseline) / √(its variance if nothing changed) is accumulated, and an alarm fires when the sum crosses
/// the threshold and at least the given number of the periods since the sum last stood at zero lay below the
/// baseline. After an alarm the sum starts again from zero; an alarm whose run starts right after the previous alarm
/// (the evidence never fell back to nothing) continues the same episode, so a lasting gap keeps the date it began.
/// </summary>
/// <remarks>
/// The baseline is either fixed at zero (the gap to the peers, for underperformance) or the value's own past gap
/// (for post-launch-drop): the precision-weighted mean of the earlier periods from the honeymoon on, restarted at the
/// change point after an alarm. Against its own past the shortfalls are close to recursive residuals, independent while
/// nothing changes (Hawkins' self-starting CUSUM), so the threshold keeps its calibration although the baseline is
/// estimated; a fixed honeymoon baseline would carry its one estimation error into every later period and raise false
/// alarms. The price is that a drop in progress slowly lowers the level it is measured against, so
/// it is found a little later than against a fixed level. An episode lasts while the evidence, restarted after each alarm, stays
/// above zero.
/// </remarks>
internal static class GapMonitor
{
    /// <summary>
    /// The allowance k of the coaching CUSUMs in standard deviations: half the standardised shift they are tuned to,
    /// 1.5 — about 17 points at 50 responses a period, between the gaps (15–25 points) a coach should hear about.
    /// </summary>
    public const double Allowance = 0.75;

    /// <summary>How many periods late a period joins the own-past baseline, so that a drop does not dilute the level it is measured against at once.</summary>
    public const int Lag = 1;

    /// <summary>One episode: where its gap began, its first alarm, and its latest alarm (row indices).</summary>
    public readonly record struct Alarm(int Since, int FirstAt, int At);

    /// <summary>Runs the monitor over the rows in order.</summary>
    /// <param name="rows">Per period: the gap (negative = worse) and its variance if nothing changed.</param>
    /// <param name="threshold">The CUSUM threshold h.</param>
    /// <param name="minimumPeriodsBelow">How many periods of the run must lie below the baseline.</param>
    /// <param name="ownPast">For a baseline of the value's own past: its starting mean and variance (the honeymoon's); null for a baseline of zero.</param>
    public static List<Alarm> Run(IReadOnlyList<(double Gap, double Variance)> rows, double threshold, int minimumPeriodsBelow,
        (double Mean, double Variance)? ownPast = null)
    {
        var alarms = new List<Alarm>();
        double statistic = 0, precision = 0, weightedSum = 0;
        if (ownPast is { } past)
        {
            precision = 1 / past.Variance;
            weightedSum = past.Mean * precision;
        }

        int since = 0, below = 0, absorbedFrom = 0;
        var episodeOpen = false;
        for (var t = 0; t < rows.Count; t++)
        {
            var (gap, variance) = rows[t];
            if (!(variance > 0 && double.IsFinite(gap))) continue;
            if (statistic == 0)
            {
                since = t;
                below = 0;
            }

            var shortfall = ownPast is null ? gap : gap - weightedSum / precision;
            var shortfallVariance = ownPast is null ? variance : variance + 1 / precision;
            statistic = Cusum.Step(statistic, -shortfall / Math.Sqrt(shortfallVariance), Allowance);
            if (shortfall < 0) below++;

            // Every period joins the baseline at once: delaying a run's periods until it ends would keep the bad
            // periods out and the good ones in, a baseline biased upwards and more false alarms.
            if (ownPast is not null && t - Lag >= absorbedFrom) Absorb(rows, t - Lag, t - Lag, ref weightedSum, ref precision);
            if (statistic == 0)
            {
                episodeOpen = false;
                continue;
            }

            if (episodeOpen) alarms[^1] = alarms[^1] with { At = t };
            if (!(statistic > threshold && below >= minimumPeriodsBelow)) continue;
            if (episodeOpen) alarms[^1] = alarms[^1] with { At = t };
            else alarms.Add(new Alarm(since, t, t));
            episodeOpen = true;
            statistic = 0;

            // The new level is the baseline from here on.
            if (ownPast is not null)
            {
                (weightedSum, precision) = (0, 0);
                Absorb(rows, since, t, ref weightedSum, ref precision);
                absorbedFrom = t + 1 + Lag;
            }
        }

        return alarms;
    }

    private static void Absorb(IReadOnlyList<(double Gap, double Variance)> rows, int from, int to, ref double weightedSum, ref double precision)
    {
        for (var i = from; i <= to; i++)
        {
            if (!(rows[i].Variance > 0 && double.IsFinite(rows[i].Gap))) continue;
            weightedSum += rows[i].Gap / rows[i].Variance;
            precision += 1 / rows[i].Variance;
        }
    }
}
