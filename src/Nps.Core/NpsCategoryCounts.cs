using System.Globalization;
using System.Numerics;

namespace Nps;

/// <summary>
/// Counts of detractors, passives and promoters, with the statistics of the Net Promoter Score they imply.
/// Use it where only categories are known (other rating scales, a warehouse's category counts); use
/// <see cref="NpsDistribution"/> where the 0–10 ratings themselves are known.
/// </summary>
/// <remarks>
/// <para><c>default</c> is the empty sample. An empty sample has no score: <see cref="Score"/>, the shares,
/// <see cref="Variance"/> and <see cref="StandardError"/> are <see cref="double.NaN"/>, and
/// <see cref="ConfidenceInterval"/> is the whole range [−100, 100] with a NaN centre. Check
/// <see cref="IsEmpty"/> (or <see cref="TryGetScore"/>) rather than reading a silent 0.</para>
/// <para>Counts add: the <c>+</c> operator merges two samples exactly.</para>
/// </remarks>
public readonly struct NpsCategoryCounts : IEquatable<NpsCategoryCounts>, IAdditionOperators<NpsCategoryCounts, NpsCategoryCounts, NpsCategoryCounts>
{
    /// <summary>Creates category counts.</summary>
    /// <param name="detractors">Answers of 0–6.</param>
    /// <param name="passives">Answers of 7–8.</param>
    /// <param name="promoters">Answers of 9–10.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The total does not fit in a <see cref="long"/>.</exception>
    public NpsCategoryCounts(long detractors, long passives, long promoters)
    {
        Guard.NonNegative(detractors);
        Guard.NonNegative(passives);
        Guard.NonNegative(promoters);
        _ = checked(detractors + passives + promoters);
        Detractors = detractors;
        Passives = passives;
        Promoters = promoters;
    }

    /// <summary>Answers of 0–6.</summary>
    public long Detractors { get; }

    /// <summary>Answers of 7–8.</summary>
    public long Passives { get; }

    /// <summary>Answers of 9–10.</summary>
    public long Promoters { get; }

    /// <summary>All answers: the sample size n.</summary>
    public long Count => Detractors + Passives + Promoters;

    /// <summary>Whether there are no answers (then there is no score).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Share of promoters in [0, 1]; NaN when empty.</summary>
    public double PromoterShare => Share(Promoters);

    /// <summary>Share of passives in [0, 1]; NaN when empty.</summary>
    public double PassiveShare => Share(Passives);

    /// <summary>Share of detractors in [0, 1]; NaN when empty.</summary>
    public double DetractorShare => Share(Detractors);

    /// <summary>The Net Promoter Score in points: 100 × (promoters − detractors) / n, in [−100, 100]; NaN when empty.</summary>
    public double Score => IsEmpty ? double.NaN : 100.0 * (Promoters - Detractors) / Count;

    /// <summary>
    /// The variance of one answer's score x ∈ {−1, 0, +1} (promoter +1, detractor −1), exactly
    /// p + d − (p − d)²: it keeps the negative covariance between promoter and detractor shares. NaN when empty.
    /// </summary>
    public double Variance => IsEmpty ? double.NaN : NpsStatistics.Variance(PromoterShare, DetractorShare);

    /// <summary>The standard error of <see cref="Score"/> in points: 100 × √(variance / n). NaN when empty.</summary>
    public double StandardError => IsEmpty ? double.NaN : 100 * Math.Sqrt(Variance / Count);

    /// <summary>Gets the score when there is one.</summary>
    /// <param name="score">The score in points, or NaN when empty.</param>
    /// <returns><see langword="false"/> when the sample is empty.</returns>
    public bool TryGetScore(out double score)
    {
        score = Score;
        return !IsEmpty;
    }

    /// <summary>A confidence interval for the score, in points, clamped to [−100, 100].</summary>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <param name="method">The method; adjusted Wald by default.</param>
    /// <returns>The interval; for an empty sample the whole range [−100, 100] with a NaN centre.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1), or the method is unknown.</exception>
    public NpsInterval ConfidenceInterval(double level = 0.95, IntervalMethod method = IntervalMethod.AdjustedWald) =>
        NpsStatistics.Interval(Count, Promoters, Detractors, level, method);

    /// <summary>Compares two samples' scores: a − b with its standard error, two-sided p-value and interval.</summary>
    /// <param name="a">The first sample.</param>
    /// <param name="b">The second sample.</param>
    /// <param name="level">The confidence level of the interval in (0, 1); 0.95 by default.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">A sample is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static NpsComparison Compare(NpsCategoryCounts a, NpsCategoryCounts b, double level = 0.95) => NpsComparison.Create(a, b, level);

    /// <summary>Merges two samples.</summary>
    /// <param name="other">The other sample.</param>
    /// <returns>The merged counts.</returns>
    public NpsCategoryCounts Add(NpsCategoryCounts other) =>
        new(checked(Detractors + other.Detractors), checked(Passives + other.Passives), checked(Promoters + other.Promoters));

    /// <summary>Merges two samples.</summary>
    /// <param name="left">The first sample.</param>
    /// <param name="right">The second sample.</param>
    /// <returns>The merged counts.</returns>
    public static NpsCategoryCounts operator +(NpsCategoryCounts left, NpsCategoryCounts right) => left.Add(right);

    /// <inheritdoc />
    public bool Equals(NpsCategoryCounts other) =>
        Detractors == other.Detractors && Passives == other.Passives && Promoters == other.Promoters;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsCategoryCounts other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Detractors, Passives, Promoters);

    /// <summary>Whether two samples have the same counts.</summary>
    /// <param name="left">The first sample.</param>
    /// <param name="right">The second sample.</param>
    /// <returns>The equality.</returns>
    public static bool operator ==(NpsCategoryCounts left, NpsCategoryCounts right) => left.Equals(right);

    /// <summary>Whether two samples differ.</summary>
    /// <param name="left">The first sample.</param>
    /// <param name="right">The second sample.</param>
    /// <returns>The inequality.</returns>
    public static bool operator !=(NpsCategoryCounts left, NpsCategoryCounts right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsEmpty
        ? "n=0 (no score)"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count} NPS={Score:0.0} (promoters {Promoters}, passives {Passives}, detractors {Detractors})");

    private double Share(long part) => IsEmpty ? double.NaN : (double)part / Count;
}
