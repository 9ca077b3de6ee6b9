namespace Nps.Insights;

/// <summary>The two-proportion z-test with a pooled standard error, one-sided: is share a greater than share b?</summary>
internal static class ProportionTest
{
    /// <summary>The one-sided p-value of H₀: p_a ≤ p_b against p_a &gt; p_b.</summary>
    public static double GreaterPValue(long successesA, long countA, long successesB, long countB)
    {
        if (countA == 0 || countB == 0) return double.NaN;
        var pa = (double)successesA / countA;
        var pb = (double)successesB / countB;
        var pooled = (double)(successesA + successesB) / (countA + countB);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / countA + 1.0 / countB));
        if (standardError == 0) return pa > pb ? 0 : 1;
        return NormalDistribution.UpperTail((pa - pb) / standardError);
    }
}
