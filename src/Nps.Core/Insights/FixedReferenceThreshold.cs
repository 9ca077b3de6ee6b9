using System.Collections.Concurrent;
using Nps.Segmentation;

namespace Nps.Insights;

/// <summary>
/// The threshold of a one-sided CUSUM whose increments are measured against one estimated reference (post-launch-drop:
/// each later gap against the honeymoon's), calibrated so that a value without any change gives a false alarm within
/// its monitored periods no more often than the wanted rate per value-year allows.
/// </summary>
/// <remarks>
/// <para>The increments zₜ = (reference − gapₜ) / √(vₜ + v_ref) share the reference's one estimation error e, so they
/// are not independent: given e they are N(δ, σ²) with δ = e / √(v + v_ref) ~ N(0, r / (1 + r)) and σ² = 1 / (1 + r),
/// r = v_ref / v. A value whose honeymoon happened to be estimated high drifts towards an alarm for as long as it is
/// watched, so no threshold holds a rate per year over an unbounded watch; over a bounded one it does. The chance of
/// an alarm within the horizon is computed exactly enough for the normal model: Brook and Evans' Markov chain of the
/// clipped CUSUM for each δ, averaged over δ's distribution; the threshold is the one whose chance equals the horizon
/// in years over the years per false alarm. The requirement of several periods below the reference is left out,
/// which only lowers the false-alarm rate.</para>
/// <para>Thresholds are cached by the (rounded up) variance ratio, so one detection run computes a handful.</para>
/// </remarks>
internal static class FixedReferenceThreshold
{
    private const int States = 40;
    private const int QuadraturePoints = 41;
    private const double RatioStep = 0.02;
    private static readonly ConcurrentDictionary<(int Ratio, int Horizon, double PeriodsPerFalseAlarm, double Allowance), double> Cache = new();

    /// <summary>The threshold h for a watch of <paramref name="horizon"/> periods.</summary>
    /// <param name="allowance">The CUSUM's allowance k.</param>
    /// <param name="varianceRatio">r: the reference's variance over a watched period's (rounded up to a step of 0.02).</param>
    /// <param name="horizon">How many periods are watched.</param>
    /// <param name="periodsPerFalseAlarm">The wanted periods per false alarm (years per false alarm × periods per year).</param>
    public static double For(double allowance, double varianceRatio, int horizon, double periodsPerFalseAlarm)
    {
        var ratio = (int)Math.Ceiling(Math.Max(0, varianceRatio) / RatioStep - 1e-9);
        return Cache.GetOrAdd((ratio, horizon, periodsPerFalseAlarm, allowance), key =>
        {
            var target = Math.Min(0.5, key.Horizon / key.PeriodsPerFalseAlarm);
            double Excess(double threshold) =>
                Math.Log(Math.Max(1e-300, AlarmProbability(key.Allowance, threshold, key.Ratio * RatioStep, key.Horizon))) - Math.Log(target);

            // The log chance falls smoothly with h: regula falsi with the Illinois rule, bracketed by [0, 60].
            double low = 0, high = 60, lowExcess = Excess(low), highExcess = Excess(high);
            if (lowExcess <= 0) return low;
            if (highExcess >= 0) return high;
            var side = 0;
            for (var i = 0; i < 60 && high - low > 1e-4; i++)
            {
                var middle = (low * highExcess - high * lowExcess) / (highExcess - lowExcess);
                var excess = Excess(middle);
                if (excess > 0)
                {
                    (low, lowExcess) = (middle, excess);
                    if (side == -1) highExcess /= 2;
                    side = -1;
                }
                else
                {
                    (high, highExcess) = (middle, excess);
                    if (side == 1) lowExcess /= 2;
                    side = 1;
                }
            }

            return high;
        });
    }

    /// <summary>The chance of an alarm within <paramref name="horizon"/> periods when nothing changed, over the reference's error.</summary>
    public static double AlarmProbability(double allowance, double threshold, double varianceRatio, int horizon)
    {
        var spread = Math.Sqrt(varianceRatio / (1 + varianceRatio));
        var scale = Math.Sqrt(1 / (1 + varianceRatio));
        if (spread == 0) return AlarmProbability(allowance, threshold, 0, scale, horizon);
        double total = 0, weights = 0;
        for (var i = 0; i < QuadraturePoints; i++)
        {
            var x = -6 + 12.0 * i / (QuadraturePoints - 1);
            var weight = NormalDistribution.Density(x);
            total += weight * AlarmProbability(allowance, threshold, x * spread, scale, horizon);
            weights += weight;
        }

        return total / weights;
    }

    // Brook and Evans: state 0 is a statistic of zero, state j in 1..States a statistic in ((j − 1)w, jw] taken at its
    // middle, w = h / States; increments N(mean, scale²) clipped to ±Cusum.Clip. From a middle the chance of ending
    // at or below edge j depends on j − from only, so each row is read from one table of the clipped CDF.
    private static double AlarmProbability(double allowance, double threshold, double mean, double scale, int horizon)
    {
        var width = threshold / States;
        var fromMiddle = new double[2 * States + 2]; // index j − from + States + 1: CDF((j − from + 0.5)w + k)
        for (var m = 0; m < fromMiddle.Length; m++) fromMiddle[m] = ClippedCdf((m - States - 0.5) * width + allowance, mean, scale);
        var transition = new double[(States + 1) * (States + 1)];
        for (var to = 0; to <= States; to++)
        {
            transition[to] = ClippedCdf(to * width + allowance, mean, scale) - (to == 0 ? 0 : ClippedCdf((to - 1) * width + allowance, mean, scale));
        }

        for (var from = 1; from <= States; from++)
        {
            var row = from * (States + 1);
            transition[row] = fromMiddle[States + 1 - from];
            for (var to = 1; to <= States; to++) transition[row + to] = fromMiddle[to - from + States + 1] - fromMiddle[to - 1 - from + States + 1];
        }

        var state = new double[States + 1];
        var next = new double[States + 1];
        state[0] = 1;
        for (var t = 0; t < horizon; t++)
        {
            Array.Clear(next);
            for (var from = 0; from <= States; from++)
            {
                var p = state[from];
                if (p == 0) continue;
                var row = from * (States + 1);
                for (var to = 0; to <= States; to++) next[to] += p * transition[row + to];
            }

            (state, next) = (next, state);
        }

        var survival = 0.0;
        foreach (var p in state) survival += p;
        return Math.Clamp(1 - survival, 0, 1);
    }

    private static double ClippedCdf(double x, double mean, double scale) =>
        x < -Cusum.Clip ? 0 : x >= Cusum.Clip ? 1 : NormalDistribution.Cdf((x - mean) / scale);
}
