namespace Nps;

/// <summary>
/// The interval arithmetic behind every NPS figure, on (possibly fractional, possibly effective) counts, so that
/// plain counts, category counts and weighted estimates share one implementation.
/// </summary>
internal static class NpsStatistics
{
    /// <summary>Variance of one response's score x ∈ {−1, 0, 1}: p + d − (p − d)². Clamped at 0 against rounding.</summary>
    public static double Variance(double promoterShare, double detractorShare)
    {
        var delta = promoterShare - detractorShare;
        return Math.Max(0, promoterShare + detractorShare - delta * delta);
    }

    public static NpsInterval Interval(double n, double promoters, double detractors, double level, IntervalMethod method)
    {
        Guard.Level(level);
        Guard.Method(method);
        if (!(n > 0)) return new NpsInterval(-100, 100, double.NaN, level, method);

        var z = NormalDistribution.TwoSidedCriticalValue(level);
        switch (method)
        {
            case IntervalMethod.Wald:
            {
                double p = promoters / n, d = detractors / n, centre = p - d;
                return Clamp(centre, z * Math.Sqrt(Variance(p, d) / n), level, method);
            }

            case IntervalMethod.AdjustedWald:
            {
                // Add 0.75 to promoters and detractors and 1.5 to passives: n + 3 in all (Rocks 2016).
                var adjustedN = n + 3;
                double p = (promoters + 0.75) / adjustedN, d = (detractors + 0.75) / adjustedN, centre = p - d;
                return Clamp(centre, z * Math.Sqrt(Variance(p, d) / adjustedN), level, method);
            }

            default:
            {
                var estimate = (promoters - detractors) / n;
                var lower = ScoreBound(n, promoters, detractors, estimate, z, lowerBound: true);
                var upper = ScoreBound(n, promoters, detractors, estimate, z, lowerBound: false);
                return new NpsInterval(100 * lower, 100 * upper, 100 * estimate, level, method);
            }
        }
    }

    private static NpsInterval Clamp(double centre, double halfWidth, double level, IntervalMethod method) =>
        new(Math.Max(-100, 100 * (centre - halfWidth)), Math.Min(100, 100 * (centre + halfWidth)), 100 * centre, level, method);

    /// <summary>
    /// Tango's score statistic for the difference Δ = π₊ − π₋ of a trinomial, with the restricted maximum-likelihood
    /// detractor share under Δ (Tango 1998, the paired-proportions case: promoters and detractors play the two
    /// discordant cells). Decreasing in Δ; zero at the estimate.
    /// </summary>
    internal static double ScoreStatistic(double n, double promoters, double detractors, double delta)
    {
        var a = 2 * n;
        var b = -promoters - detractors + (2 * n - promoters + detractors) * delta;
        var c = -detractors * delta * (1 - delta);
        var root = Math.Sqrt(Math.Max(0, b * b - 4 * a * c));
        // The larger root of a·q² + b·q + c, in the form that avoids cancellation.
        var q = b > 0 ? -2 * c / (b + root) : (root - b) / (2 * a);
        var variance = 2 * q + delta * (1 - delta);
        var numerator = promoters - detractors - n * delta;
        if (!(variance > 0)) return numerator == 0 ? 0 : numerator > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return numerator / Math.Sqrt(n * variance);
    }

    private static double ScoreBound(double n, double promoters, double detractors, double estimate, double z, bool lowerBound)
    {
        // The bound is where the statistic crosses +z (lower bound) or −z (upper bound); bisect between the
        // estimate (statistic 0) and the end of the range.
        var target = lowerBound ? z : -z;
        double inside = estimate, outside = lowerBound ? -1 : 1;
        var atEnd = ScoreStatistic(n, promoters, detractors, outside);
        if (lowerBound ? atEnd <= target : atEnd >= target) return outside;

        for (var i = 0; i < 200 && Math.Abs(outside - inside) > 1e-13; i++)
        {
            var middle = 0.5 * (inside + outside);
            var statistic = ScoreStatistic(n, promoters, detractors, middle);
            if (lowerBound ? statistic > target : statistic < target) outside = middle;
            else inside = middle;
        }

        return 0.5 * (inside + outside);
    }
}
