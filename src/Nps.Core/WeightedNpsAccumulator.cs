using System.Globalization;

namespace Nps;

/// <summary>
/// Accumulates (rating, weight) pairs for a weighted NPS — typically weight = 1 / inclusion probability, so
/// unequal sampling rates are weighted back out (Horvitz–Thompson style). Mergeable, allocation-free.
/// </summary>
/// <remarks>
/// A mutable struct, for arrays of per-segment accumulators and tight loops: keep it in a field, an array
/// element or a local and call <see cref="Add(int, double)"/> on that storage, not on a copy. <c>default</c> is empty.
/// </remarks>
public struct WeightedNpsAccumulator
{
    private long _count;
    private double _sumWeights;
    private double _sumSquaredWeights;
    private double _promoterWeights;
    private double _detractorWeights;
    private double _promoterSquaredWeights;
    private double _detractorSquaredWeights;

    /// <summary>The number of responses added.</summary>
    public readonly long Count => _count;

    /// <summary>Adds one response.</summary>
    /// <param name="rating">The rating, 0..10.</param>
    /// <param name="weight">Its weight: finite and greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rating is not in 0..10, or the weight is not finite and positive.</exception>
    public void Add(int rating, double weight) => Add(NpsRating.Classify(rating), weight);

    /// <summary>Adds one response by category.</summary>
    /// <param name="category">The category.</param>
    /// <param name="weight">Its weight: finite and greater than 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The weight is not finite and positive.</exception>
    public void Add(NpsCategory category, double weight)
    {
        if (!(weight > 0 && double.IsFinite(weight)))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight,
                string.Create(CultureInfo.InvariantCulture, $"A weight must be finite and greater than 0; got {weight}."));
        }

        Add(category, 1, weight, weight * weight);
    }

    /// <summary>Adds a group of responses of one category by their count and weight sums (validated by the caller).</summary>
    internal void Add(NpsCategory category, long count, double sumWeights, double sumSquaredWeights)
    {
        _count += count;
        _sumWeights += sumWeights;
        _sumSquaredWeights += sumSquaredWeights;
        if (category == NpsCategory.Promoter)
        {
            _promoterWeights += sumWeights;
            _promoterSquaredWeights += sumSquaredWeights;
        }
        else if (category == NpsCategory.Detractor)
        {
            _detractorWeights += sumWeights;
            _detractorSquaredWeights += sumSquaredWeights;
        }
    }

    /// <summary>Adds everything another accumulator holds (exact merge, up to floating-point rounding).</summary>
    /// <param name="other">The other accumulator.</param>
    public void Add(in WeightedNpsAccumulator other)
    {
        _count += other._count;
        _sumWeights += other._sumWeights;
        _sumSquaredWeights += other._sumSquaredWeights;
        _promoterWeights += other._promoterWeights;
        _detractorWeights += other._detractorWeights;
        _promoterSquaredWeights += other._promoterSquaredWeights;
        _detractorSquaredWeights += other._detractorSquaredWeights;
    }

    /// <summary>
    /// Removes what a part of this accumulator holds (the rest of a population: total minus one segment). The part
    /// must have been added to this one; sums are clamped at 0 against rounding.
    /// </summary>
    internal void Subtract(in WeightedNpsAccumulator part)
    {
        _count -= part._count;
        _sumWeights = Math.Max(0, _sumWeights - part._sumWeights);
        _sumSquaredWeights = Math.Max(0, _sumSquaredWeights - part._sumSquaredWeights);
        _promoterWeights = Math.Max(0, _promoterWeights - part._promoterWeights);
        _detractorWeights = Math.Max(0, _detractorWeights - part._detractorWeights);
        _promoterSquaredWeights = Math.Max(0, _promoterSquaredWeights - part._promoterSquaredWeights);
        _detractorSquaredWeights = Math.Max(0, _detractorSquaredWeights - part._detractorSquaredWeights);
    }

    /// <summary>The weighted estimate of what was added.</summary>
    /// <returns>The estimate.</returns>
    public readonly WeightedNpsEstimate ToEstimate() => Estimate(_count, _sumWeights, _sumSquaredWeights,
        _promoterWeights, _detractorWeights, _promoterSquaredWeights, _detractorSquaredWeights);

    /// <summary>The estimate from the sums an accumulator keeps (also for sums kept elsewhere, e.g. per rating).</summary>
    internal static WeightedNpsEstimate Estimate(long count, double sumWeights, double sumSquaredWeights,
        double promoterWeights, double detractorWeights, double promoterSquaredWeights, double detractorSquaredWeights)
    {
        if (count == 0) return default;
        var promoterShare = promoterWeights / sumWeights;
        var detractorShare = detractorWeights / sumWeights;
        var ratio = promoterShare - detractorShare;

        // Linearised (Taylor) variance of the ratio estimator Σwx / Σw with x ∈ {−1, 0, 1}:
        // v = n/(n−1) · Σ w²(x − R)² / (Σw)², with Σ w²(x − R)² = Σw²x² − 2R·Σw²x + R²·Σw².
        var sumSquaredX = promoterSquaredWeights + detractorSquaredWeights;
        var sumSquaredXSigned = promoterSquaredWeights - detractorSquaredWeights;
        var residual = Math.Max(0, sumSquaredX - 2 * ratio * sumSquaredXSigned + ratio * ratio * sumSquaredWeights);
        var standardError = count < 2
            ? double.NaN
            : 100 * Math.Sqrt((double)count / (count - 1) * residual) / sumWeights;

        return new WeightedNpsEstimate(count, sumWeights, sumWeights * sumWeights / sumSquaredWeights,
            promoterShare, detractorShare, standardError);
    }
}
