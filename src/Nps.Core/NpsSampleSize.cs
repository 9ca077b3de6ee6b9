using System.Globalization;

namespace Nps;

/// <summary>
/// Sample-size planning: how many responses a margin of error needs, and how many per group a comparison needs.
/// </summary>
/// <remarks>
/// Both use the normal approximation with the exact per-response variance p + d − (p − d)². Without expected
/// shares the worst case is used: variance 1 (half promoters, half detractors). The results are rounded up, and
/// are not reduced by the 3 pseudo-responses of the adjusted-Wald interval, so they err on the safe side.
/// </remarks>
public static class NpsSampleSize
{
    /// <summary>Responses needed so that the interval's half-width is at most the margin, in the worst case.</summary>
    /// <param name="marginOfErrorPoints">The margin of error in NPS points, in (0, 100].</param>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <returns>The number of responses (1,537 for ±5 points at 95 %).</returns>
    public static long ForMarginOfError(double marginOfErrorPoints, double level = 0.95) =>
        ForMarginOfError(marginOfErrorPoints, 0.5, 0.5, level);

    /// <summary>Responses needed so that the interval's half-width is at most the margin, given expected shares.</summary>
    /// <param name="marginOfErrorPoints">The margin of error in NPS points, in (0, 100].</param>
    /// <param name="expectedPromoterShare">The expected share of promoters in [0, 1].</param>
    /// <param name="expectedDetractorShare">The expected share of detractors in [0, 1] (the two add to at most 1).</param>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <returns>The number of responses, at least 1.</returns>
    public static long ForMarginOfError(double marginOfErrorPoints, double expectedPromoterShare, double expectedDetractorShare, double level = 0.95)
    {
        CheckPoints(marginOfErrorPoints, 100, nameof(marginOfErrorPoints));
        var variance = CheckedVariance(expectedPromoterShare, expectedDetractorShare);
        Guard.Level(level);
        var z = NormalDistribution.TwoSidedCriticalValue(level);
        var margin = marginOfErrorPoints / 100;
        return RoundUp(z * z * variance / (margin * margin));
    }

    /// <summary>
    /// Responses needed in each of two equal groups to detect a difference of the given size with a two-sided test,
    /// in the worst case (variance 1 in both groups).
    /// </summary>
    /// <param name="differencePoints">The smallest difference worth detecting, in NPS points, in (0, 200].</param>
    /// <param name="level">The confidence level of the test (1 − α) in (0, 1); 0.95 by default.</param>
    /// <param name="power">The probability of detecting a true difference of that size, in (0, 1); 0.8 by default.</param>
    /// <returns>The number of responses per group.</returns>
    public static long PerGroupToDetectDifference(double differencePoints, double level = 0.95, double power = 0.8) =>
        PerGroupToDetectDifference(differencePoints, 1.0, 1.0, level, power);

    /// <summary>
    /// Responses needed in each of two equal groups to detect a difference of the given size, given the expected
    /// shares in each group: n = (z₁₋α/₂ + z_power)² · (var_a + var_b) / Δ².
    /// </summary>
    /// <param name="differencePoints">The smallest difference worth detecting, in NPS points, in (0, 200].</param>
    /// <param name="expectedPromoterShareA">Expected promoter share in group a.</param>
    /// <param name="expectedDetractorShareA">Expected detractor share in group a.</param>
    /// <param name="expectedPromoterShareB">Expected promoter share in group b.</param>
    /// <param name="expectedDetractorShareB">Expected detractor share in group b.</param>
    /// <param name="level">The confidence level of the test (1 − α) in (0, 1); 0.95 by default.</param>
    /// <param name="power">The probability of detecting a true difference of that size, in (0, 1); 0.8 by default.</param>
    /// <returns>The number of responses per group.</returns>
    public static long PerGroupToDetectDifference(double differencePoints, double expectedPromoterShareA, double expectedDetractorShareA,
        double expectedPromoterShareB, double expectedDetractorShareB, double level = 0.95, double power = 0.8) =>
        PerGroupToDetectDifference(differencePoints,
            CheckedVariance(expectedPromoterShareA, expectedDetractorShareA),
            CheckedVariance(expectedPromoterShareB, expectedDetractorShareB), level, power);

    private static long PerGroupToDetectDifference(double differencePoints, double varianceA, double varianceB, double level, double power)
    {
        CheckPoints(differencePoints, 200, nameof(differencePoints));
        Guard.Level(level);
        if (!(power > 0 && power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must lie strictly between 0 and 1 (e.g. 0.8).");
        }

        var zAlpha = NormalDistribution.TwoSidedCriticalValue(level);
        var zBeta = NormalDistribution.Quantile(power);
        var delta = differencePoints / 100;
        return RoundUp((zAlpha + zBeta) * (zAlpha + zBeta) * (varianceA + varianceB) / (delta * delta));
    }

    private static double CheckedVariance(double promoterShare, double detractorShare)
    {
        Guard.Share(promoterShare);
        Guard.Share(detractorShare);
        if (promoterShare + detractorShare > 1 + 1e-12)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Promoter and detractor shares add to {promoterShare + detractorShare}; they cannot exceed 1."), nameof(detractorShare));
        }

        return NpsStatistics.Variance(promoterShare, detractorShare);
    }

    private static void CheckPoints(double points, double maximum, string name)
    {
        if (!(points > 0 && points <= maximum))
        {
            throw new ArgumentOutOfRangeException(name, points,
                string.Create(CultureInfo.InvariantCulture, $"Must be greater than 0 and at most {maximum} points."));
        }
    }

    // Guard against 1536.0000000000002 becoming 1537 through floating-point noise.
    private static long RoundUp(double n) => Math.Max(1, (long)Math.Ceiling(n - 1e-9));
}
