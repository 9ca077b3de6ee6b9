namespace Nps.Tests.Segmentation;

/// <summary>
/// The weighted NPS and its linearised standard error written out from the formulas, independently of the
/// library's accumulator: x = +1 for a promoter, −1 for a detractor, 0 otherwise; w = 1 / inclusion probability;
/// R = Σw·x / Σw; SE = √(n/(n−1) · Σ w²(x − R)²) / Σw (in points ×100). A difference of two independent samples has
/// SE √(SE₁² + SE₂²) and the two-sided normal p-value 2·(1 − Φ(|Δ|/SE)).
/// </summary>
internal static class WeightedReference
{
    public static (double Score, double StandardError) Estimate(IEnumerable<(int Rating, double Probability)> responses)
    {
        var list = responses.ToList();
        double sumW = 0, sumWx = 0;
        foreach (var (rating, probability) in list)
        {
            sumW += 1 / probability;
            sumWx += X(rating) / probability;
        }

        var ratio = sumWx / sumW;
        double residual = 0;
        foreach (var (rating, probability) in list) residual += Math.Pow(1 / probability, 2) * Math.Pow(X(rating) - ratio, 2);
        var n = list.Count;
        return (100 * ratio, 100 * Math.Sqrt((double)n / (n - 1) * residual) / sumW);
    }

    public static (double Difference, double StandardError, double PValue) Compare(
        IEnumerable<(int Rating, double Probability)> a, IEnumerable<(int Rating, double Probability)> b)
    {
        var (scoreA, seA) = Estimate(a);
        var (scoreB, seB) = Estimate(b);
        var se = Math.Sqrt((seA * seA) + (seB * seB));
        var difference = scoreA - scoreB;
        return (difference, se, 2 * (1 - Phi(Math.Abs(difference) / se)));
    }

    private static int X(int rating) => rating >= 9 ? 1 : rating <= 6 ? -1 : 0;

    // Φ by the Abramowitz–Stegun 26.2.17 series (|error| < 7.5e-8), not the library's own normal distribution.
    private static double Phi(double z)
    {
        var t = 1 / (1 + (0.2316419 * Math.Abs(z)));
        var density = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        var tail = density * t * (0.319381530 + (t * (-0.356563782 + (t * (1.781477937 + (t * (-1.821255978 + (t * 1.330274429))))))));
        return z >= 0 ? 1 - tail : tail;
    }
}
