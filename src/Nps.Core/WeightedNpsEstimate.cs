using System.Globalization;

namespace Nps;

/// <summary>
/// A weighted Net Promoter Score: Σwx / Σw over responses x ∈ {−1, 0, +1} with weights w (typically
/// 1 / inclusion probability), with the Kish effective sample size and a linearised standard error.
/// </summary>
/// <remarks>
/// <para><c>default</c> is the empty estimate: <see cref="Score"/> and the shares are NaN and the interval is the
/// whole range. With a single response the standard error is NaN (it cannot be estimated).</para>
/// <para>Intervals: <see cref="IntervalMethod.Wald"/> uses the linearised standard error. The adjusted-Wald and
/// score intervals apply the unweighted formulas to the weighted shares at the Kish effective sample size
/// (Σw)² / Σw², so with equal weights they equal the unweighted intervals exactly.</para>
/// </remarks>
public readonly record struct WeightedNpsEstimate
{
    internal WeightedNpsEstimate(long count, double sumOfWeights, double effectiveSampleSize, double promoterShare, double detractorShare, double standardError)
    {
        Count = count;
        SumOfWeights = sumOfWeights;
        EffectiveSampleSize = effectiveSampleSize;
        _promoterShare = promoterShare;
        _detractorShare = detractorShare;
        _standardError = standardError;
    }

    // Fields rather than auto-properties so that default(WeightedNpsEstimate) reads as empty (NaN), not as 0.
    private readonly double _promoterShare;
    private readonly double _detractorShare;
    private readonly double _standardError;

    /// <summary>The number of responses.</summary>
    public long Count { get; }

    /// <summary>Σw: the estimated population size when weights are inverse inclusion probabilities.</summary>
    public double SumOfWeights { get; }

    /// <summary>Kish's effective sample size (Σw)² / Σw²: n for equal weights, less when weights vary.</summary>
    public double EffectiveSampleSize { get; }

    /// <summary>The weighted share of promoters; NaN when empty.</summary>
    public double PromoterShare => IsEmpty ? double.NaN : _promoterShare;

    /// <summary>The weighted share of detractors; NaN when empty.</summary>
    public double DetractorShare => IsEmpty ? double.NaN : _detractorShare;

    /// <summary>The weighted share of passives; NaN when empty.</summary>
    public double PassiveShare => 1 - PromoterShare - DetractorShare;

    /// <summary>Whether no response was added.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The weighted NPS in points; NaN when empty.</summary>
    public double Score => IsEmpty ? double.NaN : 100 * (PromoterShare - DetractorShare);

    /// <summary>The linearised standard error in points; NaN when empty or with a single response.</summary>
    public double StandardError => IsEmpty ? double.NaN : _standardError;

    /// <summary>A confidence interval for the weighted score, in points, clamped to [−100, 100].</summary>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <param name="method">The method; adjusted Wald by default.</param>
    /// <returns>The interval; the whole range when empty (or, for Wald, when the standard error is unknown).</returns>
    public NpsInterval ConfidenceInterval(double level = 0.95, IntervalMethod method = IntervalMethod.AdjustedWald)
    {
        if (method != IntervalMethod.Wald || IsEmpty)
        {
            var n = IsEmpty ? 0 : EffectiveSampleSize;
            return NpsStatistics.Interval(n, PromoterShare * n, DetractorShare * n, level, method);
        }

        Guard.Level(level);
        if (double.IsNaN(StandardError)) return new NpsInterval(-100, 100, Score, level, method);
        var halfWidth = NormalDistribution.TwoSidedCriticalValue(level) * StandardError;
        return new NpsInterval(Math.Max(-100, Score - halfWidth), Math.Min(100, Score + halfWidth), Score, level, method);
    }

    /// <summary>
    /// Compares two weighted scores (two independent samples): a − b with the standard error √(SE_a² + SE_b²) of
    /// their linearised standard errors, the two-sided normal p-value and the Wald interval.
    /// </summary>
    /// <param name="a">The first estimate.</param>
    /// <param name="b">The second estimate.</param>
    /// <param name="level">The confidence level of the interval in (0, 1); 0.95 by default.</param>
    /// <returns>The comparison; its p-value is NaN when a standard error is unknown (a sample of one).</returns>
    /// <exception cref="ArgumentException">An estimate is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static NpsComparison Compare(WeightedNpsEstimate a, WeightedNpsEstimate b, double level = 0.95) => NpsComparison.Create(a, b, level);

    /// <summary>Estimates from parallel spans of ratings and weights.</summary>
    /// <param name="ratings">Ratings 0..10.</param>
    /// <param name="weights">Weights, finite and greater than 0, one per rating.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a rating or weight is invalid (the message names its index).</exception>
    public static WeightedNpsEstimate FromRatings(ReadOnlySpan<byte> ratings, ReadOnlySpan<double> weights)
    {
        if (ratings.Length != weights.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Expected one weight per rating; got {ratings.Length} ratings and {weights.Length} weights."), nameof(weights));
        }

        var accumulator = default(WeightedNpsAccumulator);
        for (var i = 0; i < ratings.Length; i++)
        {
            if (ratings[i] > NpsRating.MaxValue)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Rating at index {i} is {ratings[i]}; an NPS rating must be from 0 to 10."), nameof(ratings));
            }

            if (!(weights[i] > 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Weight at index {i} is {weights[i]}; a weight must be finite and greater than 0."), nameof(weights));
            }

            accumulator.Add(ratings[i], weights[i]);
        }

        return accumulator.ToEstimate();
    }

    /// <summary>Estimates with weights 1 / p from the inclusion probability p of each response.</summary>
    /// <param name="ratings">Ratings 0..10.</param>
    /// <param name="inclusionProbabilities">Probabilities in (0, 1], one per rating.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a rating or probability is invalid (the message names its index).</exception>
    public static WeightedNpsEstimate FromInclusionProbabilities(ReadOnlySpan<byte> ratings, ReadOnlySpan<double> inclusionProbabilities)
    {
        var weights = new double[inclusionProbabilities.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var p = inclusionProbabilities[i];
            if (!(p > 0 && p <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Inclusion probability at index {i} is {p}; it must be in (0, 1]."), nameof(inclusionProbabilities));
            }

            weights[i] = 1 / p;
        }

        return FromRatings(ratings, weights);
    }

    /// <inheritdoc />
    public override string ToString() => IsEmpty
        ? "n=0 (no score)"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count} (effective {EffectiveSampleSize:0.#}) weighted NPS={Score:0.0} ± SE {StandardError:0.00}");
}
