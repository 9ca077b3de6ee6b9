using System.Globalization;

namespace Nps;

/// <summary>
/// A one-sample test of a Net Promoter Score against a given value (a target, last year's figure, a benchmark):
/// is the true score different from, above or below it?
/// </summary>
/// <remarks>
/// A z-test with the exact variance of one answer's score, p + d − (p − d)² from the sample (as in
/// <see cref="NpsComparison"/>): z = (score − value) / SE with SE = 100 × √(variance / n). The p-values are normal
/// tail probabilities: two-sided 2·Q(|z|), <see cref="PValueAbove"/> = Q(z) for "the true score is above the
/// value" and <see cref="PValueBelow"/> = Φ(z) for "below". When the standard error is 0 (every answer in one
/// category) the statistic is ±∞ or 0 and the p-values follow from it (1 for the two-sided test of an equal value).
/// </remarks>
public readonly record struct NpsOneSampleTest
{
    /// <summary>The sample's score in points.</summary>
    public double Score { get; init; }

    /// <summary>The value tested against, in points.</summary>
    public double Value { get; init; }

    /// <summary>The sample size n.</summary>
    public long Count { get; init; }

    /// <summary>Score − value, in points.</summary>
    public double Difference => Score - Value;

    /// <summary>The standard error of the score in points.</summary>
    public double StandardError { get; init; }

    /// <summary>The test statistic (score − value) / standard error.</summary>
    public double ZScore { get; init; }

    /// <summary>The two-sided p-value of the hypothesis that the true score equals the value.</summary>
    public double PValue { get; init; }

    /// <summary>The one-sided p-value against the alternative "the true score is above the value": Q(z).</summary>
    public double PValueAbove { get; init; }

    /// <summary>The one-sided p-value against the alternative "the true score is below the value": Φ(z).</summary>
    public double PValueBelow { get; init; }

    /// <summary>Tests a sample's score against a value.</summary>
    /// <param name="counts">The sample.</param>
    /// <param name="value">The value in points, in [−100, 100].</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">The sample is empty: it has no score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not in [−100, 100].</exception>
    public static NpsOneSampleTest Of(NpsCategoryCounts counts, double value)
    {
        if (counts.IsEmpty) throw new ArgumentException("Cannot test an empty sample: it has no score.", nameof(counts));
        if (!(value >= -100 && value <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value,
                string.Create(CultureInfo.InvariantCulture, $"A Net Promoter Score lies in [-100, 100]; got {value}."));
        }

        var difference = counts.Score - value;
        var standardError = counts.StandardError;
        var z = standardError > 0
            ? difference / standardError
            : difference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, difference);
        return new NpsOneSampleTest
        {
            Score = counts.Score,
            Value = value,
            Count = counts.Count,
            StandardError = standardError,
            ZScore = z,
            PValue = NormalDistribution.TwoSidedPValue(z),
            PValueAbove = NormalDistribution.UpperTail(z),
            PValueBelow = NormalDistribution.Cdf(z),
        };
    }

    /// <summary>Tests a distribution's score against a value (see <see cref="Of(NpsCategoryCounts, double)"/>).</summary>
    /// <param name="distribution">The sample.</param>
    /// <param name="value">The value in points, in [−100, 100].</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">The sample is empty: it has no score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not in [−100, 100].</exception>
    public static NpsOneSampleTest Of(NpsDistribution distribution, double value) => Of(distribution.Categories, value);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Score:0.0} vs {Value:0.0}: z={ZScore:0.00}, p={PValue:0.####} (above {PValueAbove:0.####}, below {PValueBelow:0.####})");
}
