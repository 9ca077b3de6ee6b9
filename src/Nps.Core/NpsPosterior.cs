using System.Globalization;

namespace Nps;

/// <summary>
/// The Bayesian view of a score: how probable is it that the true Net Promoter Score reaches a value, given the
/// answers? Under a uniform Dirichlet(1, 1, 1) prior on the detractor, passive and promoter shares, the posterior
/// after d detractors, a passives and p promoters is Dirichlet(d + 1, a + 1, p + 1).
/// </summary>
/// <remarks>
/// <para>The probability is computed deterministically, not by simulation. Write S = D + P for the share of
/// non-passives and R = P / S for the promoters' part of it: under a Dirichlet(α_d, α_a, α_p) S ~ Beta(α_d + α_p, α_a)
/// and R ~ Beta(α_p, α_d), independently, and the true score is 100 · S (2R − 1). For a target t ≥ 0 (τ = t / 100)
/// the probability is the one-dimensional integral</para>
/// <para>P(S (2R − 1) ≥ τ) = ∫ from (1 + τ)/2 to 1 of f_R(r) · [1 − I_{τ / (2r − 1)}(α_d + α_p, α_a)] dr,</para>
/// <para>with I the regularised incomplete beta function; a negative target is the complement of the mirrored case
/// (promoters and detractors swapped). The integral is evaluated by adaptive Simpson quadrature over the range
/// that holds the posterior mass of R (±40 standard deviations), to an absolute error far below 0.001.</para>
/// <para>Beyond <see cref="NormalApproximationAbove"/> answers the posterior of the score is normal to well within
/// 0.001 (its skewness shrinks as 1/√n), and the incomplete beta function loses precision with such parameters, so
/// the probability is read from the normal with the posterior's exact mean and variance instead.</para>
/// </remarks>
public static class NpsPosterior
{
    private const int Panels = 64;
    private const double Tolerance = 1e-6;
    private const int MaxDepth = 24;
    private const int EvaluationBudget = 200_000;

    /// <summary>The number of answers above which the normal approximation of the posterior is used: 100,000.</summary>
    public const long NormalApproximationAbove = 100_000;

    /// <summary>
    /// The posterior probability that the true score is at least <paramref name="target"/>, under a uniform
    /// Dirichlet(1, 1, 1) prior on the detractor, passive and promoter shares.
    /// </summary>
    /// <param name="counts">The answers (an empty sample gives the prior's probability).</param>
    /// <param name="target">The score in points, in [−100, 100].</param>
    /// <returns>The probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not in [−100, 100].</exception>
    public static double ProbabilityAtLeast(NpsCategoryCounts counts, double target)
    {
        if (!(target >= -100 && target <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target,
                string.Create(CultureInfo.InvariantCulture, $"A Net Promoter Score lies in [-100, 100]; got {target}."));
        }

        double detractors = counts.Detractors + 1.0, passives = counts.Passives + 1.0, promoters = counts.Promoters + 1.0;
        var tau = target / 100;
        if (counts.Count > NormalApproximationAbove) return Normal(detractors, passives, promoters, tau);
        var probability = tau >= 0
            ? UpperTail(promoters, detractors, passives, tau)
            : 1 - UpperTail(detractors, promoters, passives, -tau);
        return Math.Clamp(probability, 0, 1);
    }

    /// <summary>The posterior probability that the true score is at least a target (see <see cref="ProbabilityAtLeast(NpsCategoryCounts, double)"/>).</summary>
    /// <param name="distribution">The answers.</param>
    /// <param name="target">The score in points, in [−100, 100].</param>
    /// <returns>The probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not in [−100, 100].</exception>
    public static double ProbabilityAtLeast(NpsDistribution distribution, double target) => ProbabilityAtLeast(distribution.Categories, target);

    /// <summary>P(P − D ≥ τ) under the normal with the Dirichlet posterior's exact mean and variance of P − D.</summary>
    private static double Normal(double detractors, double passives, double promoters, double tau)
    {
        var total = detractors + passives + promoters;
        var mean = (promoters - detractors) / total;
        var variance = ((promoters * (total - promoters)) + (detractors * (total - detractors)) + (2 * promoters * detractors)) / (total * total * (total + 1));
        return NormalDistribution.UpperTail((tau - mean) / Math.Sqrt(variance));
    }

    /// <summary>P(S (2R − 1) ≥ τ) for τ ≥ 0, with R ~ Beta(up, down) and S ~ Beta(up + down, passives).</summary>
    private static double UpperTail(double up, double down, double passives, double tau)
    {
        if (tau >= 1) return 0;
        var lower = (1 + tau) / 2; // below it even S = 1 cannot reach τ
        var logNorm = -SpecialFunctions.LogBeta(up, down);
        var sharesAlpha = up + down;

        double Integrand(double r)
        {
            if (r <= lower || r >= 1) return 0;
            var density = Math.Exp(logNorm + (up - 1) * Math.Log(r) + (down - 1) * Math.Log(1 - r));
            if (density == 0) return 0;
            var needed = tau / (2 * r - 1);
            return density * (1 - SpecialFunctions.RegularizedIncompleteBeta(needed, sharesAlpha, passives));
        }

        var mean = up / (up + down);
        var sd = Math.Sqrt(up * down / ((up + down) * (up + down) * (up + down + 1)));
        var from = Math.Max(lower, mean - 40 * sd);
        var to = Math.Min(1, mean + 40 * sd);
        if (!(to > from)) return 0;

        var width = (to - from) / Panels;
        var total = 0.0;
        var budget = new Budget { Left = EvaluationBudget };
        for (var i = 0; i < Panels; i++)
        {
            double a = from + i * width, b = i == Panels - 1 ? to : from + (i + 1) * width;
            double fa = Integrand(a), fb = Integrand(b), m = 0.5 * (a + b), fm = Integrand(m);
            total += Adaptive(Integrand, a, b, fa, fm, fb, Simpson(a, b, fa, fm, fb), Tolerance / Panels, MaxDepth, budget);
        }

        return total;
    }

    private static double Simpson(double a, double b, double fa, double fm, double fb) => (b - a) / 6 * (fa + 4 * fm + fb);

    private static double Adaptive(Func<double, double> f, double a, double b, double fa, double fm, double fb, double whole, double tolerance, int depth, Budget budget)
    {
        budget.Left -= 2;
        var m = 0.5 * (a + b);
        double lm = 0.5 * (a + m), rm = 0.5 * (m + b);
        double flm = f(lm), frm = f(rm);
        var left = Simpson(a, m, fa, flm, fm);
        var right = Simpson(m, b, fm, frm, fb);
        var error = left + right - whole;
        // The depth and the evaluation budget bound the work whatever the integrand does.
        if (depth <= 0 || budget.Left <= 0 || Math.Abs(error) <= 15 * tolerance) return left + right + error / 15;
        return Adaptive(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1, budget)
             + Adaptive(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1, budget);
    }

    private sealed class Budget
    {
        public int Left;
    }
}
