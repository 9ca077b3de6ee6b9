namespace Nps.Insights;

/// <summary>
/// A value's score against its peers over several periods, compared period by period: D = Σₜ wₜ (sₜ − rₜ) / Σₜ wₜ with
/// wₜ the value's size in period t (n, or Σw when weighted). The value's part Σ wₜ sₜ / Σ wₜ is then exactly its pooled
/// score over those periods, and the peers' part is their score standardised to the value's mix of periods, so a
/// value seen mostly in a bad month for everyone is not penalised for it (no Simpson's paradox).
/// </summary>
/// <remarks>
/// Var(D) = Var(pooled value score) + Σ wₜ² Var(rₜ) / (Σ wₜ)²; the periods are independent samples. The pooled
/// variance includes any variation of the value's score between periods, so it is, if anything, conservative.
/// </remarks>
internal readonly record struct StratifiedDifference(double Difference, double Variance, ScoreEstimate Value, double ReferenceScore, long ReferenceCount)
{
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>The one-sided p-value of "the value is below its peers" (or, for a change, "fell more than its peers").</summary>
    public static double LowerPValue(double difference, double variance) =>
        variance > 0 ? NormalDistribution.Cdf(difference / Math.Sqrt(variance)) : difference < 0 ? 0 : 1;

    /// <summary>Compares over the given periods; <see langword="null"/> when there is nothing to compare.</summary>
    /// <param name="periods">Per period: the value's cell and the peers' estimate in that period.</param>
    /// <param name="weighted">Whether to use the weighted estimates.</param>
    public static StratifiedDifference? Of(IReadOnlyCollection<(CoachingCell Value, ScoreEstimate Reference)> periods, bool weighted)
    {
        if (periods.Count == 0) return null;
        var value = CoachingCell.Sum(periods.Select(p => p.Value)).Score(weighted);
        if (!(value.Count > 0 && double.IsFinite(value.Variance))) return null;
        double sizes = 0, reference = 0, referenceVariance = 0;
        long referenceCount = 0;
        foreach (var (cell, peers) in periods)
        {
            var size = cell.Score(weighted).Size;
            sizes += size;
            reference += size * peers.Score;
            referenceVariance += size * size * peers.Variance;
            referenceCount += peers.Count;
        }

        reference /= sizes;
        referenceVariance /= sizes * sizes;
        return new StratifiedDifference(value.Score - reference, value.Variance + referenceVariance, value, reference, referenceCount);
    }
}
