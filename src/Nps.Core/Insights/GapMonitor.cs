using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// The lower CUSUM (<see cref="Cusum"/>) over a value's periods: each period's standardised shortfall
/// zₜ = (gapₜ − reference) / √(its variance if nothing changed) is accumulated, and an alarm fires when the sum crosses
/// the threshold and at least the given number of the periods since the sum last stood at zero lay below the
/// reference. After an alarm the sum starts again from zero; an alarm whose run starts right after the previous alarm
/// (the evidence never fell back to nothing) continues the same episode, so a lasting gap keeps the date it began.
/// </summary>
/// <remarks>
/// The reference is either zero (the gap to the peers, for underperformance) or one estimated, fixed level (for
/// post-launch-drop: the honeymoon's gap), whose variance joins each period's. A fixed reference is never moved by the
/// periods it is compared with, so a drop in progress cannot lower the level it is measured against; the price is that
/// its one estimation error is shared by every later period, which <see cref="FixedReferenceThreshold"/> allows for.
/// </remarks>
internal static class GapMonitor
{
    /// <summary>
    /// The allowance k of the underperformance CUSUM in standard deviations: half the standardised shift it is tuned to,
    /// 1.5 — about 17 points at 50 responses a period, between the gaps (15–25 points) a coach should hear about.
    /// </summary>
    public const double Allowance = 0.75;

    /// <summary>
    /// The allowance k of the post-launch-drop CUSUM: larger than <see cref="Allowance"/>, because against an estimated
    /// reference each period's increment varies less (σ² = 1 / (1 + r)) and the threshold must cover the reference's
    /// error, so a monitor tuned to larger steps (3 standard deviations) finds the drops a coach should hear about
    /// sooner; the seeded calibration (<see cref="CoachingCalibration"/>) compared 1, 1.25, 1.5, 1.75 and 2.
    /// </summary>
    public const double DropAllowance = 1.5;

    /// <summary>One episode: where its gap began, its first alarm, and its latest alarm (row indices).</summary>
    public readonly record struct Alarm(int Since, int FirstAt, int At);

    /// <summary>Runs the monitor over the rows in order.</summary>
    /// <param name="rows">Per period: the gap (negative = worse) and its variance if nothing changed.</param>
    /// <param name="threshold">The CUSUM threshold h.</param>
    /// <param name="minimumPeriodsBelow">How many periods of the run must lie below the reference.</param>
    /// <param name="allowance">The allowance k.</param>
    /// <param name="reference">An estimated reference level with its variance; null for a reference of zero.</param>
    public static List<Alarm> Run(IReadOnlyList<(double Gap, double Variance)> rows, double threshold, int minimumPeriodsBelow,
        double allowance = Allowance, (double Mean, double Variance)? reference = null)
    {
        var alarms = new List<Alarm>();
        var (mean, referenceVariance) = reference ?? (0, 0);
        double statistic = 0;
        int since = 0, below = 0;
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

            var shortfall = gap - mean;
            statistic = Cusum.Step(statistic, -shortfall / Math.Sqrt(variance + referenceVariance), allowance);
            if (shortfall < 0) below++;
            if (statistic == 0)
            {
                episodeOpen = false;
                continue;
            }

            if (episodeOpen) alarms[^1] = alarms[^1] with { At = t };
            if (!(statistic > threshold && below >= minimumPeriodsBelow)) continue;
            if (!episodeOpen) alarms.Add(new Alarm(since, t, t));
            episodeOpen = true;
            statistic = 0;
        }

        return alarms;
    }
}
