namespace Nps.Segmentation;

/// <summary>
/// The one-sided CUSUM on standardised increments zₜ (N(0, 1) while nothing changed): Sₜ = max(0, Sₜ₋₁ + zₜ − k),
/// alarm when Sₜ &gt; h. The allowance k is half the standardised shift it is tuned to; the threshold h is chosen so
/// that the average run length without a change is the wanted number of periods between false alarms.
/// </summary>
/// <remarks>
/// h comes from Siegmund's approximation of the in-control run length, ARL₀ ≈ (e^{2kb} − 2kb − 1) / (2k²) with
/// b = h + 1.166, which is accurate to a few percent for normal increments. Because it rests on the standardised
/// increments only, the same h holds for any n per period and any period length: a false-alarm rate per value-year
/// becomes a run length in periods, nothing else changes. Each increment is clipped to ±<see cref="Clip"/>, so one
/// wild period (or a small-n period whose normal approximation is poor) cannot make an alarm alone; clipping only
/// lowers the false-alarm rate.
/// </remarks>
internal static class Cusum
{
    /// <summary>The largest standardised increment one period contributes.</summary>
    public const double Clip = 3;

    /// <summary>Periods in a year, to turn a rate per year into a run length in periods.</summary>
    public static double PeriodsPerYear(Period period) => period switch
    {
        Period.Day => 365.25,
        Period.Week => 365.25 / 7,
        Period.Month => 12,
        Period.Quarter => 4,
        _ => 1,
    };

    /// <summary>Siegmund's approximation of the average run length for increments N(<paramref name="mean"/>, 1).</summary>
    public static double AverageRunLength(double allowance, double threshold, double mean)
    {
        var drift = mean - allowance;
        var b = threshold + 1.166;
        if (Math.Abs(drift) < 1e-9) return b * b;
        return (Math.Exp(-2 * drift * b) + 2 * drift * b - 1) / (2 * drift * drift);
    }

    /// <summary>The threshold h whose in-control average run length is <paramref name="runLength"/> periods.</summary>
    public static double Threshold(double allowance, double runLength)
    {
        double low = 0, high = 200;
        for (var i = 0; i < 100; i++)
        {
            var middle = (low + high) / 2;
            if (AverageRunLength(allowance, middle, 0) < runLength) low = middle;
            else high = middle;
        }

        return (low + high) / 2;
    }

    /// <summary>The threshold for a false alarm every <paramref name="years"/> years on average, with periods of the given length.</summary>
    public static double ThresholdForYears(double allowance, double years, Period period) =>
        Threshold(allowance, Math.Max(1, years * PeriodsPerYear(period)));

    /// <summary>One step: the new statistic from the old one and the increment (clipped).</summary>
    public static double Step(double statistic, double increment, double allowance) =>
        Math.Max(0, statistic + Math.Clamp(increment, -Clip, Clip) - allowance);
}
