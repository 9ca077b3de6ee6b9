using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nps.Segmentation;

/// <summary>
/// The fast path for large data: counts columnar input — a dense segment id and a rating per row — into one flat
/// histogram of <c>segments × 11</c> counts, on one thread or all cores. Results equal the plain per-row loop.
/// </summary>
/// <remarks>
/// <para>Typical use: map raw keys to dense ids once at ingest with <see cref="SegmentIdMap{TKey}"/>, keep the
/// ids in an <c>int[]</c> or <c>ushort[]</c> column and the ratings in a <c>byte[]</c> column, then
/// <code>
/// var aggregator = new DenseNpsAggregator(map.Count);
/// aggregator.Add(segmentIds, ratings);            // or AddParallel(segmentIds, ratings) on all cores
/// NpsDistribution agent7 = aggregator.GetDistribution(7);
/// </code></para>
/// <para>How it is fast: the whole input is validated first with vectorised range scans (a rating above 10 or
/// an id out of range throws an <see cref="ArgumentException"/> naming the first bad index, and nothing is
/// counted), so the counting loop runs without bounds checks. The loop is <c>histogram[id × 11 + rating]++</c>;
/// consecutive rows of the same segment and rating would make each increment wait for the previous store, so
/// rows are dealt round-robin to four private copies of the histogram (when they fit in about a megabyte), which
/// are added together at the end. <see cref="AddParallel(ReadOnlyMemory{int}, ReadOnlyMemory{byte}, int)"/> cuts
/// the rows into one contiguous chunk per thread, each counting into its own private histogram (no atomics, no
/// shared cache lines), then merges. No allocation per row.</para>
/// <para>An instance accumulates across calls and is not thread-safe; the parallel method parallelises inside.</para>
/// </remarks>
public sealed class DenseNpsAggregator
{
    private const int Ratings = NpsDistribution.RatingCount;
    private const int MinimumRowsPerThread = 1 << 16;
    private const long CopiesBudgetBytes = 1 << 20;

    private readonly long[] _counts;

    /// <summary>Creates an aggregator for segment ids 0 to <paramref name="segmentCount"/> − 1.</summary>
    /// <param name="segmentCount">The number of segments, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segmentCount"/> is less than 1 or too large for one array.</exception>
    public DenseNpsAggregator(int segmentCount)
    {
        if (segmentCount < 1 || segmentCount > Array.MaxLength / Ratings)
        {
            throw new ArgumentOutOfRangeException(nameof(segmentCount), segmentCount, "The segment count must be at least 1 and fit one array of 11 counts per segment.");
        }

        SegmentCount = segmentCount;
        _counts = new long[segmentCount * Ratings];
    }

    /// <summary>The number of segments.</summary>
    public int SegmentCount { get; }

    /// <summary>The flat histogram: the count of rating r in segment s is at index <c>s × 11 + r</c>.</summary>
    public ReadOnlySpan<long> Histogram => _counts;

    /// <summary>The number of rows counted so far.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (var c in _counts) total += c;
            return total;
        }
    }

    /// <summary>The distribution of one segment.</summary>
    /// <param name="segment">The segment id.</param>
    /// <returns>Its distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The id is out of range.</exception>
    public NpsDistribution GetDistribution(int segment)
    {
        if ((uint)segment >= (uint)SegmentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(segment), segment,
                string.Create(CultureInfo.InvariantCulture, $"A segment id must be from 0 to {SegmentCount - 1}."));
        }

        return NpsDistribution.FromCounts(_counts.AsSpan(segment * Ratings, Ratings));
    }

    /// <summary>All segments merged.</summary>
    /// <returns>The total distribution.</returns>
    public NpsDistribution GetTotal() => NpsDistribution.MergeFlat(_counts);

    /// <summary>Every segment's distribution, index = segment id.</summary>
    /// <returns>A new array of <see cref="SegmentCount"/> distributions.</returns>
    public NpsDistribution[] ToDistributions()
    {
        var result = new NpsDistribution[SegmentCount];
        for (var s = 0; s < result.Length; s++) result[s] = NpsDistribution.FromCounts(_counts.AsSpan(s * Ratings, Ratings));
        return result;
    }

    /// <summary>Sets every count back to zero.</summary>
    public void Clear() => Array.Clear(_counts);

    /// <summary>Counts rows given as parallel columns of segment ids and ratings.</summary>
    /// <param name="segmentIds">One segment id per row, each from 0 to <see cref="SegmentCount"/> − 1.</param>
    /// <param name="ratings">One rating per row, each from 0 to 10.</param>
    /// <exception cref="ArgumentException">The columns differ in length, or a rating or id is out of range (the message names the first such row); nothing is counted then.</exception>
    public void Add(ReadOnlySpan<int> segmentIds, ReadOnlySpan<byte> ratings)
    {
        Validate(segmentIds, ratings, 0);
        CountInto(segmentIds, ratings, _counts, SegmentCount);
    }

    /// <summary>Counts rows given as parallel columns of 16-bit segment ids and ratings.</summary>
    /// <param name="segmentIds">One segment id per row, each from 0 to <see cref="SegmentCount"/> − 1.</param>
    /// <param name="ratings">One rating per row, each from 0 to 10.</param>
    /// <exception cref="ArgumentException">The columns differ in length, or a rating or id is out of range (the message names the first such row); nothing is counted then.</exception>
    public void Add(ReadOnlySpan<ushort> segmentIds, ReadOnlySpan<byte> ratings)
    {
        Validate(segmentIds, ratings, 0);
        CountInto(segmentIds, ratings, _counts, SegmentCount);
    }

    /// <summary>Counts rows on several threads: one contiguous chunk and one private histogram per thread, merged at the end.</summary>
    /// <param name="segmentIds">One segment id per row.</param>
    /// <param name="ratings">One rating per row.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 (default) uses every core.</param>
    /// <exception cref="ArgumentException">As for <see cref="Add(ReadOnlySpan{int}, ReadOnlySpan{byte})"/>; nothing is counted then.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public void AddParallel(ReadOnlyMemory<int> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism = -1) =>
        AddParallelCore(segmentIds, ratings, maxDegreeOfParallelism);

    /// <summary>Counts rows of 16-bit segment ids on several threads (see <see cref="AddParallel(ReadOnlyMemory{int}, ReadOnlyMemory{byte}, int)"/>).</summary>
    /// <param name="segmentIds">One segment id per row.</param>
    /// <param name="ratings">One rating per row.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 (default) uses every core.</param>
    /// <exception cref="ArgumentException">As for <see cref="Add(ReadOnlySpan{ushort}, ReadOnlySpan{byte})"/>; nothing is counted then.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public void AddParallel(ReadOnlyMemory<ushort> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism = -1) =>
        AddParallelCore(segmentIds, ratings, maxDegreeOfParallelism);

    /// <summary>The plain per-row loop with checks on every row: the reference the fast path must equal (tests, benchmarks).</summary>
    internal void AddPlain(ReadOnlySpan<int> segmentIds, ReadOnlySpan<byte> ratings)
    {
        if (segmentIds.Length != ratings.Length) throw LengthMismatch(segmentIds.Length, ratings.Length, nameof(segmentIds));
        for (var i = 0; i < ratings.Length; i++)
        {
            var rating = ratings[i];
            var id = segmentIds[i];
            if (rating > NpsRating.MaxValue) throw BadRating(i, rating, nameof(ratings));
            if ((uint)id >= (uint)SegmentCount) throw BadSegment(i, id, SegmentCount, nameof(segmentIds));
            _counts[id * Ratings + rating]++;
        }
    }

    private void AddParallelCore<TId>(ReadOnlyMemory<TId> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores, or a positive number of threads.");
        }

        if (segmentIds.Length != ratings.Length) throw LengthMismatch(segmentIds.Length, ratings.Length, nameof(segmentIds));
        var threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var chunks = Math.Clamp(ratings.Length / MinimumRowsPerThread, 1, threads);
        if (chunks == 1)
        {
            Validate(segmentIds.Span, ratings.Span, 0);
            CountInto(segmentIds.Span, ratings.Span, _counts, SegmentCount);
            return;
        }

        var chunkLength = (ratings.Length + chunks - 1) / chunks;
        var partials = new long[chunks][];
        var errors = new ArgumentException?[chunks];
        var segmentCount = SegmentCount;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
        {
            var offset = chunk * chunkLength;
            var length = Math.Min(chunkLength, ratings.Length - offset);
            var ids = segmentIds.Span.Slice(offset, length);
            var values = ratings.Span.Slice(offset, length);
            try
            {
                Validate(ids, values, offset);
            }
            catch (ArgumentException error)
            {
                errors[chunk] = error;
                return;
            }

            var partial = new long[segmentCount * Ratings];
            CountInto(ids, values, partial, segmentCount);
            partials[chunk] = partial;
        });

        // The first bad row of the whole input, as the sequential path reports it; nothing counted.
        foreach (var error in errors)
        {
            if (error is not null) throw error;
        }

        foreach (var partial in partials) AddTo(_counts, partial);
    }

    private void Validate<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, int indexOffset)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        if (segmentIds.Length != ratings.Length) throw LengthMismatch(segmentIds.Length, ratings.Length, nameof(segmentIds));
        var badRating = ratings.IndexOfAnyInRange((byte)(NpsRating.MaxValue + 1), byte.MaxValue);
        var badId = -1;
        if (typeof(TId) == typeof(int))
        {
            badId = MemoryMarshal.Cast<TId, int>(segmentIds).IndexOfAnyExceptInRange(0, SegmentCount - 1);
        }
        else if (typeof(TId) == typeof(ushort))
        {
            if (SegmentCount <= ushort.MaxValue)
            {
                badId = MemoryMarshal.Cast<TId, ushort>(segmentIds).IndexOfAnyInRange((ushort)SegmentCount, ushort.MaxValue);
            }
        }
        else
        {
            throw new NotSupportedException("Segment ids are int or ushort.");
        }

        // Report whichever problem comes first in row order.
        if (badRating >= 0 && (badId < 0 || badRating <= badId)) throw BadRating(indexOffset + badRating, ratings[badRating], nameof(ratings));
        if (badId >= 0) throw BadSegment(indexOffset + badId, long.CreateTruncating(segmentIds[badId]), SegmentCount, nameof(segmentIds));
    }

    /// <summary>The counting kernel. Every id and rating must already be validated: there are no bounds checks.</summary>
    private static void CountInto<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, long[] target, int segmentCount)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        var length = ratings.Length;
        if (length == 0) return;
        var stride = segmentCount * Ratings;
        ref var id = ref MemoryMarshal.GetReference(segmentIds);
        ref var rating = ref MemoryMarshal.GetReference(ratings);
        var useCopies = length >= 4096 && (long)stride * 4 * sizeof(long) <= CopiesBudgetBytes;
        if (!useCopies)
        {
            ref var histogram = ref MemoryMarshal.GetArrayDataReference(target);
            for (var i = 0; i < length; i++)
            {
                Unsafe.Add(ref histogram, Slot(Unsafe.Add(ref id, i), Unsafe.Add(ref rating, i)))++;
            }

            return;
        }

        var copies = new long[stride * 4];
        ref var h0 = ref MemoryMarshal.GetArrayDataReference(copies);
        ref var h1 = ref Unsafe.Add(ref h0, stride);
        ref var h2 = ref Unsafe.Add(ref h0, 2 * stride);
        ref var h3 = ref Unsafe.Add(ref h0, 3 * stride);
        var row = 0;
        for (; row + 4 <= length; row += 4)
        {
            Unsafe.Add(ref h0, Slot(Unsafe.Add(ref id, row), Unsafe.Add(ref rating, row)))++;
            Unsafe.Add(ref h1, Slot(Unsafe.Add(ref id, row + 1), Unsafe.Add(ref rating, row + 1)))++;
            Unsafe.Add(ref h2, Slot(Unsafe.Add(ref id, row + 2), Unsafe.Add(ref rating, row + 2)))++;
            Unsafe.Add(ref h3, Slot(Unsafe.Add(ref id, row + 3), Unsafe.Add(ref rating, row + 3)))++;
        }

        for (; row < length; row++) Unsafe.Add(ref h0, Slot(Unsafe.Add(ref id, row), Unsafe.Add(ref rating, row)))++;

        for (var k = 0; k < 4; k++) AddTo(target, copies.AsSpan(k * stride, stride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Slot<TId>(TId id, byte rating)
        where TId : unmanaged, IBinaryInteger<TId> =>
        (nint)uint.CreateTruncating(id) * Ratings + rating;

    private static void AddTo(Span<long> target, ReadOnlySpan<long> source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<long>.Count <= source.Length; i += Vector<long>.Count)
            {
                (new Vector<long>(target[i..]) + new Vector<long>(source[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < source.Length; i++) target[i] += source[i];
    }

    private static ArgumentException LengthMismatch(int ids, int ratings, string parameter) => new(
        string.Create(CultureInfo.InvariantCulture, $"Expected one segment id per rating; got {ids} ids and {ratings} ratings."), parameter);

    private static ArgumentException BadRating(long index, byte rating, string parameter) => new(
        string.Create(CultureInfo.InvariantCulture, $"Rating at index {index} is {rating}; an NPS rating must be from 0 to 10."), parameter);

    private static ArgumentException BadSegment(long index, long id, int segmentCount, string parameter) => new(
        string.Create(CultureInfo.InvariantCulture, $"Segment id at index {index} is {id}; it must be from 0 to {segmentCount - 1}."), parameter);
}
