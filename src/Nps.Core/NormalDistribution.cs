using System.Globalization;

namespace Nps;

/// <summary>The standard normal distribution: the few functions the statistics need, to double precision.</summary>
public static class NormalDistribution
{
    private const double InverseSqrtTwoPi = 0.398942280401432677939946059934;
    private const double SqrtTwoPi = 2.50662827463100050241576528481;

    /// <summary>The density φ(x).</summary>
    /// <param name="x">The point.</param>
    /// <returns>The density.</returns>
    public static double Density(double x) => InverseSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>The cumulative distribution Φ(x) = P(Z ≤ x).</summary>
    /// <param name="x">The point.</param>
    /// <returns>The probability, accurate to about 1e-15 relative in both tails.</returns>
    public static double Cdf(double x) => x >= 0 ? 1 - UpperTail(x) : UpperTail(-x);

    /// <summary>The upper tail Q(x) = P(Z &gt; x), accurate in relative terms far into the tail.</summary>
    /// <param name="x">The point.</param>
    /// <returns>The probability.</returns>
    public static double UpperTail(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 1 - UpperTail(-x);
        if (x > 38.5) return 0;
        if (x < 3)
        {
            // Φ(x) − ½ = φ(x)·(x + x³/3 + x⁵/(3·5) + …): converges quickly for moderate x (Marsaglia 2004).
            double term = x, sum = x, x2 = x * x;
            for (var k = 3; Math.Abs(term) > 1e-17 * Math.Abs(sum); k += 2)
            {
                term *= x2 / k;
                sum += term;
            }

            return 0.5 - Density(x) * sum;
        }

        // Mills' ratio as a continued fraction, evaluated backwards: Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))).
        var fraction = x;
        for (var k = 120; k >= 1; k--)
        {
            fraction = x + k / fraction;
        }

        return Density(x) / fraction;
    }

    /// <summary>The quantile Φ⁻¹(p): the z with P(Z ≤ z) = p.</summary>
    /// <param name="p">A probability in (0, 1).</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in (0, 1).</exception>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie strictly between 0 and 1.");

        // Acklam's rational approximation (relative error about 1e-9), then Halley steps on the exact CDF.
        double x;
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00) /
                ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q /
                (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00) /
                ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
        }

        for (var i = 0; i < 3; i++)
        {
            // Work in the smaller tail so the error is measured with relative precision.
            var e = x < 0 ? UpperTail(-x) - p : (1 - p) - UpperTail(x);
            var u = e * SqrtTwoPi * Math.Exp(0.5 * x * x);
            var step = u / (1 + 0.5 * x * u);
            x -= step;
            if (Math.Abs(step) < 1e-16 * Math.Max(1, Math.Abs(x))) break;
        }

        return x;
    }

    /// <summary>The two-sided critical value z for a confidence level: Φ⁻¹((1 + level) / 2).</summary>
    /// <param name="level">The confidence level in (0, 1), e.g. 0.95.</param>
    /// <returns>The critical value (1.959963984540054 for 0.95).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static double TwoSidedCriticalValue(double level)
    {
        Guard.Level(level);
        if (_lastCriticalValue is { } last && last.Level == level) return last.Value; // a report asks for one level thousands of times
        var value = Quantile(0.5 + level / 2);
        _lastCriticalValue = new CriticalValue(level, value);
        return value;
    }

    /// <summary>
    /// Whether a number can be a confidence level: strictly between 0 and 1, and far enough below 1 that its upper
    /// tail (1 − level) / 2 is not lost in rounding (0.9999999999999999 is not: 0.5 + level / 2 rounds to 1).
    /// </summary>
    /// <param name="level">The candidate level.</param>
    /// <returns><see langword="true"/> when <see cref="TwoSidedCriticalValue(double)"/> accepts it.</returns>
    public static bool IsConfidenceLevel(double level) => level > 0 && level < 1 && 0.5 + (level / 2) < 1;

    /// <summary>Why a number is not a confidence level, for people.</summary>
    internal static string LevelError(double level) => level > 0 && level < 1
        ? string.Create(CultureInfo.InvariantCulture, $"A confidence level must lie strictly between 0 and 1 with a tail a double can hold (at most 0.9999999999999998); got {level:R}.")
        : string.Create(CultureInfo.InvariantCulture, $"A confidence level must lie strictly between 0 and 1 (e.g. 0.95); got {level:R}.");

    /// <summary>The last level asked for and its critical value, replaced whole (one reference), so threads never see half of one.</summary>
    private static CriticalValue? _lastCriticalValue;

    private sealed record CriticalValue(double Level, double Value);

    /// <summary>The two-sided p-value of a standard normal test statistic: 2·Q(|z|).</summary>
    /// <param name="z">The test statistic.</param>
    /// <returns>The p-value in [0, 1].</returns>
    public static double TwoSidedPValue(double z) => double.IsNaN(z) ? double.NaN : Math.Min(1, 2 * UpperTail(Math.Abs(z)));
}
