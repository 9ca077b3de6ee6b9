using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nps;

/// <summary>
/// The distribution of 0–10 ratings: eleven counts, immutable. Everything the score needs follows from it, and
/// distributions merge exactly, so partitions, threads, shards or a warehouse's <c>GROUP BY rating</c> can each
/// count and the results add up.
/// </summary>
/// <remarks>
/// <para><c>default</c> is the empty distribution and the identity of the merge (<c>+</c>), which is associative
/// and commutative: a monoid.</para>
/// <para>An empty distribution has no score: <see cref="Score"/>, the shares, <see cref="MeanRating"/>,
/// <see cref="Variance"/> and <see cref="StandardError"/> are <see cref="double.NaN"/>;
/// <see cref="ConfidenceInterval"/> is the whole range [−100, 100] with a NaN centre; <see cref="Compare"/>
/// throws. Check <see cref="IsEmpty"/> rather than reading a silent 0.</para>
/// <para>The struct is 88 bytes of counts laid out contiguously, so an array of distributions is flat storage
/// (no object per distribution) and <see cref="Merge(ReadOnlySpan{NpsDistribution})"/> sums it with SIMD.</para>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct NpsDistribution : IEquatable<NpsDistribution>,
    IAdditionOperators<NpsDistribution, NpsDistribution, NpsDistribution>,
    IAdditiveIdentity<NpsDistribution, NpsDistribution>
{
    /// <summary>The number of rating values, 0 to 10.</summary>
    public const int RatingCount = 11;

    private readonly RatingCounts _counts;

    private NpsDistribution(RatingCounts counts) => _counts = counts;

    /// <summary>The empty distribution (same as <c>default</c>).</summary>
    public static NpsDistribution Empty => default;

    /// <inheritdoc />
    public static NpsDistribution AdditiveIdentity => default;

    /// <summary>Counts ratings held one per byte. Vectorised (512-, 256- or 128-bit) and exact for any length.</summary>
    /// <param name="ratings">Ratings 0..10, one per byte.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A byte is greater than 10; the message names the first such index.</exception>
    public static NpsDistribution FromRatings(ReadOnlySpan<byte> ratings)
    {
        var counts = default(RatingCounts);
        RatingCounter.Count(ratings, counts.AsSpan());
        return new NpsDistribution(counts);
    }

    /// <summary>Counts validated ratings.</summary>
    /// <param name="ratings">The ratings.</param>
    /// <returns>The distribution.</returns>
    public static NpsDistribution FromRatings(ReadOnlySpan<NpsRating> ratings) => FromRatings(MemoryMarshal.AsBytes(ratings));

    /// <summary>
    /// Counts ratings held one per byte on several threads: the input is cut into contiguous chunks, each counted
    /// by the vectorised kernel, and the partial distributions merged.
    /// </summary>
    /// <param name="ratings">Ratings 0..10, one per byte.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 (default) uses every core.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A byte is greater than 10; the message names the first such index.</exception>
    public static NpsDistribution FromRatingsParallel(ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism = -1)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores, or a positive number of threads.");
        }

        var threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        const int minimumChunk = 1 << 20; // below about a megabyte a thread costs more than it saves
        var chunks = (int)Math.Clamp(ratings.Length / minimumChunk, 1, threads);
        if (chunks == 1) return FromRatings(ratings.Span);

        var partials = new NpsDistribution[chunks];
        var errors = new ArgumentException?[chunks];
        var chunkLength = (ratings.Length + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
        {
            var offset = chunk * chunkLength;
            var length = Math.Min(chunkLength, ratings.Length - offset);
            var counts = default(RatingCounts);
            try
            {
                RatingCounter.Count(ratings.Span.Slice(offset, length), counts.AsSpan(), offset);
            }
            catch (ArgumentException error)
            {
                errors[chunk] = error;
            }

            partials[chunk] = new NpsDistribution(counts);
        });

        // Report the first bad index of the whole input, as the sequential path does, not an AggregateException.
        foreach (var error in errors)
        {
            if (error is not null) throw error;
        }

        return Merge(partials);
    }

    /// <summary>Creates a distribution from its eleven counts, index = rating.</summary>
    /// <param name="countsByRating">Exactly 11 non-negative counts: the number of 0s, 1s, …, 10s.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">The span does not have 11 elements.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="OverflowException">The total does not fit in a <see cref="long"/>.</exception>
    public static NpsDistribution FromCounts(ReadOnlySpan<long> countsByRating)
    {
        if (countsByRating.Length != RatingCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected 11 counts (ratings 0 to 10); got {countsByRating.Length}."),
                nameof(countsByRating));
        }

        var counts = default(RatingCounts);
        long total = 0;
        for (var i = 0; i < RatingCount; i++)
        {
            if (countsByRating[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(countsByRating), countsByRating[i],
                    string.Create(CultureInfo.InvariantCulture, $"The count of rating {i} is negative ({countsByRating[i]})."));
            }

            total = checked(total + countsByRating[i]);
            counts[i] = countsByRating[i];
        }

        return new NpsDistribution(counts);
    }

    /// <summary>The number of answers with the given rating.</summary>
    /// <param name="rating">The rating, 0..10.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rating"/> is not in 0..10.</exception>
    public long this[int rating] => (uint)rating < RatingCount
        ? _counts[rating]
        : throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is from 0 to 10.");

    /// <summary>The eleven counts, index = rating: a view over this value's own storage (call <c>ToArray()</c> to keep a copy).</summary>
    public ReadOnlySpan<long> Counts => MemoryMarshal.CreateReadOnlySpan(in _counts[0], RatingCount);

    /// <summary>All answers: the sample size n.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (var c in Counts) total += c;
            return total;
        }
    }

    /// <summary>Whether there are no answers (then there is no score).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Answers of 9 or 10.</summary>
    public long Promoters => _counts[9] + _counts[10];

    /// <summary>Answers of 7 or 8.</summary>
    public long Passives => _counts[7] + _counts[8];

    /// <summary>Answers of 0 to 6.</summary>
    public long Detractors => _counts[0] + _counts[1] + _counts[2] + _counts[3] + _counts[4] + _counts[5] + _counts[6];

    /// <summary>The category counts, which carry all the statistics of the score.</summary>
    public NpsCategoryCounts Categories => new(Detractors, Passives, Promoters);

    /// <summary>Share of promoters in [0, 1]; NaN when empty.</summary>
    public double PromoterShare => Categories.PromoterShare;

    /// <summary>Share of passives in [0, 1]; NaN when empty.</summary>
    public double PassiveShare => Categories.PassiveShare;

    /// <summary>Share of detractors in [0, 1]; NaN when empty.</summary>
    public double DetractorShare => Categories.DetractorShare;

    /// <summary>The Net Promoter Score in points, 100 × (promoters − detractors) / n, in [−100, 100]; NaN when empty.</summary>
    public double Score => Categories.Score;

    /// <summary>The mean rating on the 0–10 scale; NaN when empty.</summary>
    public double MeanRating
    {
        get
        {
            long sum = 0, n = 0;
            for (var i = 0; i < RatingCount; i++)
            {
                sum += i * _counts[i];
                n += _counts[i];
            }

            return n == 0 ? double.NaN : (double)sum / n;
        }
    }

    /// <summary>The variance of one answer's score x ∈ {−1, 0, +1}: exactly p + d − (p − d)²; NaN when empty.</summary>
    public double Variance => Categories.Variance;

    /// <summary>The standard error of <see cref="Score"/> in points: 100 × √(variance / n); NaN when empty.</summary>
    public double StandardError => Categories.StandardError;

    /// <summary>Gets the score when there is one.</summary>
    /// <param name="score">The score in points, or NaN when empty.</param>
    /// <returns><see langword="false"/> when the distribution is empty.</returns>
    public bool TryGetScore(out double score) => Categories.TryGetScore(out score);

    /// <summary>A confidence interval for the score, in points, clamped to [−100, 100].</summary>
    /// <param name="level">The confidence level in (0, 1); 0.95 by default.</param>
    /// <param name="method">The method; adjusted Wald by default (see <see cref="IntervalMethod"/>).</param>
    /// <returns>The interval; for an empty distribution the whole range [−100, 100] with a NaN centre.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1), or the method is unknown.</exception>
    public NpsInterval ConfidenceInterval(double level = 0.95, IntervalMethod method = IntervalMethod.AdjustedWald) =>
        Categories.ConfidenceInterval(level, method);

    /// <summary>Compares two distributions' scores: a − b with its standard error, two-sided p-value and interval.</summary>
    /// <param name="a">The first distribution.</param>
    /// <param name="b">The second distribution.</param>
    /// <param name="level">The confidence level of the interval in (0, 1); 0.95 by default.</param>
    /// <returns>The comparison (see <see cref="NpsComparison"/> for the method).</returns>
    /// <exception cref="ArgumentException">A distribution is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static NpsComparison Compare(NpsDistribution a, NpsDistribution b, double level = 0.95) =>
        NpsComparison.Create(a.Categories, b.Categories, level);

    /// <summary>Merges two distributions (adds their counts).</summary>
    /// <param name="other">The other distribution.</param>
    /// <returns>The merged distribution.</returns>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public NpsDistribution Add(NpsDistribution other)
    {
        var counts = default(RatingCounts);
        for (var i = 0; i < RatingCount; i++) counts[i] = checked(_counts[i] + other._counts[i]);
        return new NpsDistribution(counts);
    }

    /// <summary>Adds one answer.</summary>
    /// <param name="rating">The rating.</param>
    /// <returns>The distribution with one more answer.</returns>
    public NpsDistribution Add(NpsRating rating)
    {
        var counts = _counts;
        counts[rating.Value] = checked(counts[rating.Value] + 1);
        return new NpsDistribution(counts);
    }

    /// <summary>Removes a sub-sample (e.g. "everyone but this segment" = total − segment).</summary>
    /// <param name="part">A distribution contained in this one.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException"><paramref name="part"/> has more answers of some rating than this one.</exception>
    public NpsDistribution Subtract(NpsDistribution part)
    {
        var counts = default(RatingCounts);
        for (var i = 0; i < RatingCount; i++)
        {
            counts[i] = _counts[i] - part._counts[i];
            if (counts[i] < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Cannot subtract {part._counts[i]} answers of rating {i} from {_counts[i]}."), nameof(part));
            }
        }

        return new NpsDistribution(counts);
    }

    /// <summary>Merges any number of distributions: a SIMD sum over their flat counts.</summary>
    /// <param name="distributions">The distributions.</param>
    /// <returns>The merged distribution (empty for no input).</returns>
    /// <exception cref="OverflowException">A count overflows (checked at the end; totals up to 2⁶³ are exact).</exception>
    public static NpsDistribution Merge(ReadOnlySpan<NpsDistribution> distributions)
    {
        var flat = MemoryMarshal.Cast<NpsDistribution, long>(distributions);
        var counts = default(RatingCounts);
        MergeFlat(flat, counts.AsSpan());
        return new NpsDistribution(counts);
    }

    /// <summary>
    /// Merges histograms stored flat, 11 counts each (<c>long[histograms * 11]</c>, the layout of a per-segment
    /// aggregation), into one distribution.
    /// </summary>
    /// <param name="flatCounts">A whole number of 11-count histograms, laid out one after another.</param>
    /// <returns>The merged distribution.</returns>
    /// <exception cref="ArgumentException">The length is not a multiple of 11, or a count is negative.</exception>
    public static NpsDistribution MergeFlat(ReadOnlySpan<long> flatCounts)
    {
        if (flatCounts.Length % RatingCount != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Flat histograms hold 11 counts each; {flatCounts.Length} is not a multiple of 11."),
                nameof(flatCounts));
        }

        var counts = default(RatingCounts);
        MergeFlat(flatCounts, counts.AsSpan());
        for (var i = 0; i < RatingCount; i++)
        {
            if (counts[i] < 0) throw new ArgumentException("A histogram count is negative, or the totals overflowed.", nameof(flatCounts));
        }

        return new NpsDistribution(counts);
    }

    private static void MergeFlat(ReadOnlySpan<long> flat, Span<long> totals)
    {
        // Four histograms are 44 longs = 11 vectors of 4: add each block of 44 into 11 vector accumulators (the lane
        // pattern repeats every block), and fold the lanes back onto ratings once at the end.
        ref var start = ref MemoryMarshal.GetReference(flat);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && flat.Length >= 44)
        {
            Span<Vector256<long>> acc = stackalloc Vector256<long>[RatingCount];
            acc.Clear();
            for (; i + 44 <= flat.Length; i += 44)
            {
                for (var k = 0; k < RatingCount; k++)
                {
                    acc[k] += Vector256.LoadUnsafe(ref start, (nuint)(i + 4 * k));
                }
            }

            // Lane j of accumulator k holds flat offset 4k + j within each 44-long block, i.e. rating (4k + j) mod 11.
            for (var k = 0; k < RatingCount; k++)
            {
                for (var j = 0; j < 4; j++) totals[(4 * k + j) % RatingCount] += acc[k].GetElement(j);
            }
        }

        for (; i < flat.Length; i++) totals[i % RatingCount] += flat[i];
    }

    /// <summary>Merges two distributions (adds their counts).</summary>
    /// <param name="left">The first distribution.</param>
    /// <param name="right">The second distribution.</param>
    /// <returns>The merged distribution.</returns>
    public static NpsDistribution operator +(NpsDistribution left, NpsDistribution right) => left.Add(right);

    /// <inheritdoc />
    public bool Equals(NpsDistribution other) => Counts.SequenceEqual(other.Counts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsDistribution other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var c in Counts) hash.Add(c);
        return hash.ToHashCode();
    }

    /// <summary>Whether two distributions have the same counts.</summary>
    /// <param name="left">The first distribution.</param>
    /// <param name="right">The second distribution.</param>
    /// <returns>The equality.</returns>
    public static bool operator ==(NpsDistribution left, NpsDistribution right) => left.Equals(right);

    /// <summary>Whether two distributions differ.</summary>
    /// <param name="left">The first distribution.</param>
    /// <param name="right">The second distribution.</param>
    /// <returns>The inequality.</returns>
    public static bool operator !=(NpsDistribution left, NpsDistribution right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Categories.ToString();

    [InlineArray(RatingCount)]
    private struct RatingCounts
    {
        private long _element;

        public Span<long> AsSpan() => MemoryMarshal.CreateSpan(ref _element, RatingCount);
    }
}
