namespace Nps.Insights;

/// <summary>
/// Cumulative rating shares — P(rating ≤ 6) (detractors), P(≤ 8) (not promoters), P(≤ 9) (not a 10) — and the sample
/// size they rest on, with the shape statistics the inflation test compares: gaps between cumulative logits.
/// </summary>
/// <remarks>
/// Under a latent-shift (proportional-odds) model of ratings, a genuinely better agent moves every cumulative logit
/// by the same amount, so the gaps logit P(≤ 9) − logit P(≤ 8) and logit P(≤ 8) − logit P(≤ 6) do not depend on the
/// level. Asking for 10s shrinks the first gap (9s and passives become 10s); keeping unhappy customers out of the
/// survey widens the second (detractors missing for the value's own share of promoters).
/// </remarks>
internal readonly record struct RatingShape(double UpToSix, double UpToEight, double UpToNine, double SampleSize)
{
    /// <summary>logit P(≤ 9) − logit P(≤ 8): small when 10s crowd out 9s for the promoter share.</summary>
    public (double Gap, double Variance) TensGap => Gap(UpToNine, UpToEight);

    /// <summary>logit P(≤ 8) − logit P(≤ 6): large when detractors are missing for the promoter share.</summary>
    public (double Gap, double Variance) DetractorGap => Gap(UpToEight, UpToSix);

    /// <summary>The share P(≤ 9) the peers' tens gap predicts from this value's own P(≤ 8).</summary>
    public static double FromGap(double lowerShare, double gap) => Logistic(Logit(lowerShare) + gap);

    /// <summary>The share P(≤ 6) the peers' detractor gap predicts from this value's own P(≤ 8).</summary>
    public static double BelowGap(double upperShare, double gap) => Logistic(Logit(upperShare) - gap);

    // The gap between the logits of two cumulative shares a > b of one multinomial sample, each shrunk by half a
    // response towards ½ so that it stays finite, and its delta-method variance:
    // Var = [1/(a(1−a)) + 1/(b(1−b)) − 2/(a(1−b))] / n, since Cov(â, b̂) = b(1 − a)/n.
    private (double Gap, double Variance) Gap(double upper, double lower)
    {
        var n = SampleSize;
        var a = (upper * n + 0.5) / (n + 1);
        var b = (lower * n + 0.5) / (n + 1);
        var variance = (1 / (a * (1 - a)) + 1 / (b * (1 - b)) - 2 / (a * (1 - b))) / (n + 1);
        return (Logit(a) - Logit(b), Math.Max(variance, 0));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
