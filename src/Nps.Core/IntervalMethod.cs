namespace Nps;

/// <summary>How a confidence interval for an NPS is computed.</summary>
/// <remarks>
/// Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4), compared
/// the methods: plain Wald under-covers at small n; the adjusted Wald and the score interval keep close to the
/// nominal level. <see cref="AdjustedWald"/> is the default: simple, explainable and well calibrated.
/// </remarks>
public enum IntervalMethod
{
    /// <summary>
    /// Adjusted Wald (Lewis &amp; Sauro; Rocks 2016): add 0.75 to detractors and promoters and 1.5 to passives
    /// (n + 3 in all), then a Wald interval around the adjusted centre.
    /// </summary>
    AdjustedWald = 0,

    /// <summary>Wald: estimate ± z·√(variance / n). Under-covers for small samples and extreme shares.</summary>
    Wald = 1,

    /// <summary>
    /// Score interval of the Tango (1998) type: the set of differences Δ whose score statistic for the trinomial,
    /// with the restricted maximum-likelihood shares under Δ, lies within ±z. Found iteratively.
    /// </summary>
    Score = 2,
}
