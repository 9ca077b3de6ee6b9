using System.Globalization;

namespace Nps;

/// <summary>The difference between two Net Promoter Scores, a − b, with its uncertainty.</summary>
/// <remarks>
/// The standard error is √(var_a / n_a + var_b / n_b) with each variance the exact p + d − (p − d)², which keeps
/// the covariance between promoter and detractor shares within each sample (the two samples are independent).
/// The p-value is the two-sided normal (Wald) test of no difference; the interval is difference ± z·SE, clamped
/// to [−200, 200]. When both standard errors are 0 the p-value is 1 for equal scores and 0 otherwise.
/// </remarks>
public readonly record struct NpsComparison
{
    /// <summary>The difference a − b in points.</summary>
    public double Difference { get; init; }

    /// <summary>The standard error of the difference in points.</summary>
    public double StandardError { get; init; }

    /// <summary>The test statistic: difference / standard error.</summary>
    public double ZScore { get; init; }

    /// <summary>The two-sided p-value of the test that the two scores are equal.</summary>
    public double PValue { get; init; }

    /// <summary>The confidence interval of the difference in points, clamped to [−200, 200].</summary>
    public NpsInterval Interval { get; init; }

    /// <summary>The first sample's score in points.</summary>
    public double ScoreA { get; init; }

    /// <summary>The second sample's score in points.</summary>
    public double ScoreB { get; init; }

    /// <summary>Whether the difference is significant at the interval's level (p &lt; 1 − level).</summary>
    public bool IsSignificant => PValue < 1 - Interval.Level;

    internal static NpsComparison Create(NpsCategoryCounts a, NpsCategoryCounts b, double level)
    {
        Guard.Level(level);
        if (a.IsEmpty) throw new ArgumentException("Cannot compare an empty sample: it has no score.", nameof(a));
        if (b.IsEmpty) throw new ArgumentException("Cannot compare an empty sample: it has no score.", nameof(b));

        return FromScores(a.Score, b.Score, 100 * Math.Sqrt(a.Variance / a.Count + b.Variance / b.Count), level);
    }

    /// <summary>Two weighted scores: the standard error is √(SE_a² + SE_b²) of the linearised standard errors.</summary>
    internal static NpsComparison Create(WeightedNpsEstimate a, WeightedNpsEstimate b, double level)
    {
        Guard.Level(level);
        if (a.IsEmpty) throw new ArgumentException("Cannot compare an empty sample: it has no score.", nameof(a));
        if (b.IsEmpty) throw new ArgumentException("Cannot compare an empty sample: it has no score.", nameof(b));
        return FromScores(a.Score, b.Score, Math.Sqrt((a.StandardError * a.StandardError) + (b.StandardError * b.StandardError)), level);
    }

    private static NpsComparison FromScores(double scoreA, double scoreB, double standardError, double level)
    {
        var difference = scoreA - scoreB;
        double zScore, pValue;
        if (double.IsNaN(standardError))
        {
            zScore = double.NaN; // a weighted sample of one: its variance cannot be estimated
            pValue = double.NaN;
        }
        else if (standardError > 0)
        {
            zScore = difference / standardError;
            pValue = NormalDistribution.TwoSidedPValue(zScore);
        }
        else
        {
            zScore = difference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, difference);
            pValue = difference == 0 ? 1 : 0;
        }

        var halfWidth = double.IsNaN(standardError) ? double.PositiveInfinity : NormalDistribution.TwoSidedCriticalValue(level) * standardError;
        return new NpsComparison
        {
            Difference = difference,
            StandardError = standardError,
            ZScore = zScore,
            PValue = pValue,
            ScoreA = scoreA,
            ScoreB = scoreB,
            Interval = new NpsInterval(Math.Max(-200, difference - halfWidth), Math.Min(200, difference + halfWidth), difference, level, IntervalMethod.Wald),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Δ={Difference:0.0} points (SE {StandardError:0.00}, p={PValue:0.####}, {Interval})");
}
