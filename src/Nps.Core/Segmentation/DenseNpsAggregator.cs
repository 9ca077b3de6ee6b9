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
/// <para>How it is fast: rows are taken in blocks of 8,192; each block is range-checked with vectorised scans
/// while it is in cache (a rating above 10 or an id out of range throws an <see cref="ArgumentException"/> naming
/// the first bad index, and nothing stays counted), then counted without bounds checks. The loop is
/// <c>histogram[id × 11 + rating]++</c> into a private 32-bit histogram (half the cache footprint: 1,000 segments
/// fit in a 48 KB L1; one span cannot hold enough rows to overflow it), added to the 64-bit counts at the end.
/// With few segments, consecutive rows of the same segment and rating would make each increment wait for the
/// previous store, so when four copies fit in 32 KB (up to 186 segments) rows are dealt round-robin to four
/// private copies. <see cref="AddParallel(ReadOnlyMemory{int}, ReadOnlyMemory{byte}, int)"/> cuts
/// the rows into one contiguous chunk per thread, each counting into its own private histogram (no atomics, no
/// shared cache lines), then merges. No allocation per row.</para>
/// <para>An instance accumulates across calls and is not thread-safe; the parallel method parallelises inside.</para>
/// </remarks>
public sealed class DenseNpsAggregator
{
    private const int Ratings = NpsDistribution.RatingCount;
    private const int MinimumRowsPerThread = 1 << 16;
    private const long CopiesBudgetBytes = 32 * 1024; // the copies must stay in L1: larger ones cost more in misses than they save
    private const int Copies = 4;
    private const int BlockRows = 1 << 13;

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
    public void Add(ReadOnlySpan<int> segmentIds, ReadOnlySpan<byte> ratings) => CountChecked(segmentIds, ratings, _counts, SegmentCount, 0);

    /// <summary>Counts rows given as parallel columns of 16-bit segment ids and ratings.</summary>
    /// <param name="segmentIds">One segment id per row, each from 0 to <see cref="SegmentCount"/> − 1.</param>
    /// <param name="ratings">One rating per row, each from 0 to 10.</param>
    /// <exception cref="ArgumentException">The columns differ in length, or a rating or id is out of range (the message names the first such row); nothing is counted then.</exception>
    public void Add(ReadOnlySpan<ushort> segmentIds, ReadOnlySpan<byte> ratings) => CountChecked(segmentIds, ratings, _counts, SegmentCount, 0);

    /// <summary>Counts rows on several threads: one contiguous chunk and one private histogram per thread, merged at the end.</summary>
    /// <param name="segmentIds">One segment id per row.</param>
    /// <param name="ratings">One rating per row.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 (default) uses every core.</param>
    /// <exception cref="ArgumentException">As for <see cref="Add(ReadOnlySpan{int}, ReadOnlySpan{byte})"/>; nothing is counted then.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public void AddParallel(ReadOnlyMemory<int> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism = -1) =>
        AddParallelCore(segmentIds, ratings, maxDegreeOfParallelism, MinimumRowsPerThread);

    /// <summary>As the public method, with a smaller chunk floor so tests can exercise the threads on small inputs.</summary>
    internal void AddParallel(ReadOnlyMemory<int> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism, int minimumRowsPerThread) =>
        AddParallelCore(segmentIds, ratings, maxDegreeOfParallelism, minimumRowsPerThread);

    /// <summary>Counts rows of 16-bit segment ids on several threads (see <see cref="AddParallel(ReadOnlyMemory{int}, ReadOnlyMemory{byte}, int)"/>).</summary>
    /// <param name="segmentIds">One segment id per row.</param>
    /// <param name="ratings">One rating per row.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use at most; −1 (default) uses every core.</param>
    /// <exception cref="ArgumentException">As for <see cref="Add(ReadOnlySpan{ushort}, ReadOnlySpan{byte})"/>; nothing is counted then.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public void AddParallel(ReadOnlyMemory<ushort> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism = -1) =>
        AddParallelCore(segmentIds, ratings, maxDegreeOfParallelism, MinimumRowsPerThread);

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

    private void AddParallelCore<TId>(ReadOnlyMemory<TId> segmentIds, ReadOnlyMemory<byte> ratings, int maxDegreeOfParallelism, int minimumRowsPerThread)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores, or a positive number of threads.");
        }

        if (segmentIds.Length != ratings.Length) throw LengthMismatch(segmentIds.Length, ratings.Length, nameof(segmentIds));
        var threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var chunks = Math.Clamp(ratings.Length / minimumRowsPerThread, 1, threads);
        if (chunks == 1)
        {
            CountChecked(segmentIds.Span, ratings.Span, _counts, SegmentCount, 0);
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
            var partial = new long[segmentCount * Ratings];
            try
            {
                CountChecked(segmentIds.Span.Slice(offset, length), ratings.Span.Slice(offset, length), partial, segmentCount, offset);
            }
            catch (ArgumentException error)
            {
                errors[chunk] = error;
                return;
            }

            partials[chunk] = partial;
        });

        // The first bad row of the whole input, as the sequential path reports it; nothing counted.
        foreach (var error in errors)
        {
            if (error is not null) throw error;
        }

        foreach (var partial in partials) AddTo(_counts, partial);
    }

    /// <summary>Throws for the first row (in row order) with a rating above 10 or an id out of range.</summary>
    private static void Validate<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, int segmentCount, long indexOffset)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        var badRating = ratings.IndexOfAnyInRange((byte)(NpsRating.MaxValue + 1), byte.MaxValue);
        var badId = -1;
        if (typeof(TId) == typeof(int))
        {
            badId = MemoryMarshal.Cast<TId, int>(segmentIds).IndexOfAnyExceptInRange(0, segmentCount - 1);
        }
        else if (typeof(TId) == typeof(ushort))
        {
            if (segmentCount <= ushort.MaxValue)
            {
                badId = MemoryMarshal.Cast<TId, ushort>(segmentIds).IndexOfAnyInRange((ushort)segmentCount, ushort.MaxValue);
            }
        }
        else
        {
            throw new NotSupportedException("Segment ids are int or ushort.");
        }

        // Report whichever problem comes first in row order.
        if (badRating >= 0 && (badId < 0 || badRating <= badId)) throw BadRating(indexOffset + badRating, ratings[badRating], nameof(ratings));
        if (badId >= 0) throw BadSegment(indexOffset + badId, long.CreateTruncating(segmentIds[badId]), segmentCount, nameof(segmentIds));
    }

    /// <summary>
    /// Validates and counts block by block: each block of rows is range-checked with vectorised scans while it is
    /// in cache, then counted without bounds checks. On a bad row nothing stays counted in <paramref name="target"/>.
    /// </summary>
    private static void CountChecked<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, long[] target, int segmentCount, long indexOffset)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        if (segmentIds.Length != ratings.Length) throw LengthMismatch(segmentIds.Length, ratings.Length, nameof(segmentIds));
        var length = ratings.Length;
        if (length == 0) return;
        var stride = segmentCount * Ratings;

        if (length < stride)
        {
            // Too few rows to amortise a private histogram: count straight into the target, undoing on a bad row.
            for (var block = 0; block < length; block += BlockRows)
            {
                var rows = Math.Min(BlockRows, length - block);
                if (!IsValid(segmentIds.Slice(block, rows), ratings.Slice(block, rows), segmentCount))
                {
                    CountRows(segmentIds[..block], ratings[..block], target, -1);
                    Validate(segmentIds.Slice(block, rows), ratings.Slice(block, rows), segmentCount, indexOffset + block);
                }

                CountRows(segmentIds.Slice(block, rows), ratings.Slice(block, rows), target, 1);
            }

            return;
        }

        // A private 32-bit histogram: half the cache footprint of 64-bit counts (1,000 segments fit in a 48 KB L1),
        // and it cannot overflow, since one span holds at most int.MaxValue rows. Four copies, dealt rows
        // round-robin, break the store-to-load chain of runs of the same segment and rating when they fit in L1.
        var copies = (long)stride * Copies * sizeof(int) <= CopiesBudgetBytes ? Copies : 1;
        var scratch = new int[stride * copies];
        for (var block = 0; block < length; block += BlockRows)
        {
            var rows = Math.Min(BlockRows, length - block);
            var ids = segmentIds.Slice(block, rows);
            var values = ratings.Slice(block, rows);
            if (!IsValid(ids, values, segmentCount)) Validate(ids, values, segmentCount, indexOffset + block);
            if (copies == 1) CountRows(ids, values, scratch);
            else CountRoundRobin(ids, values, scratch, stride);
        }

        for (var k = 0; k < copies; k++)
        {
            var copy = scratch.AsSpan(k * stride, stride);
            for (var i = 0; i < stride; i++) target[i] += copy[i];
        }
    }

    private static bool IsValid<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, int segmentCount)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        if (ratings.ContainsAnyInRange((byte)(NpsRating.MaxValue + 1), byte.MaxValue)) return false;
        if (typeof(TId) == typeof(int)) return !MemoryMarshal.Cast<TId, int>(segmentIds).ContainsAnyExceptInRange(0, segmentCount - 1);
        return segmentCount > ushort.MaxValue || !MemoryMarshal.Cast<TId, ushort>(segmentIds).ContainsAnyInRange((ushort)segmentCount, ushort.MaxValue);
    }

    /// <summary>The counting loop over validated rows: no bounds checks. <paramref name="delta"/> is +1, or −1 to undo.</summary>
    private static void CountRows<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, long[] histogram, long delta)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        ref var id = ref MemoryMarshal.GetReference(segmentIds);
        ref var rating = ref MemoryMarshal.GetReference(ratings);
        ref var h = ref MemoryMarshal.GetArrayDataReference(histogram);
        for (var i = 0; i < ratings.Length; i++)
        {
            Unsafe.Add(ref h, Slot(Unsafe.Add(ref id, i), Unsafe.Add(ref rating, i))) += delta;
        }
    }

    /// <summary>The counting loop over validated rows into a 32-bit histogram: no bounds checks.</summary>
    private static void CountRows<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, int[] histogram)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        ref var id = ref MemoryMarshal.GetReference(segmentIds);
        ref var rating = ref MemoryMarshal.GetReference(ratings);
        ref var h = ref MemoryMarshal.GetArrayDataReference(histogram);
        for (var i = 0; i < ratings.Length; i++)
        {
            Unsafe.Add(ref h, Slot(Unsafe.Add(ref id, i), Unsafe.Add(ref rating, i)))++;
        }
    }

    /// <summary>Deals validated rows round-robin to four private histograms laid out one after another.</summary>
    private static void CountRoundRobin<TId>(ReadOnlySpan<TId> segmentIds, ReadOnlySpan<byte> ratings, int[] copies, int stride)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        ref var id = ref MemoryMarshal.GetReference(segmentIds);
        ref var rating = ref MemoryMarshal.GetReference(ratings);
        ref var h0 = ref MemoryMarshal.GetArrayDataReference(copies);
        ref var h1 = ref Unsafe.Add(ref h0, stride);
        ref var h2 = ref Unsafe.Add(ref h0, 2 * stride);
        ref var h3 = ref Unsafe.Add(ref h0, 3 * stride);
        var length = ratings.Length;
        var row = 0;
        for (; row + 4 <= length; row += 4)
        {
            Unsafe.Add(ref h0, Slot(Unsafe.Add(ref id, row), Unsafe.Add(ref rating, row)))++;
            Unsafe.Add(ref h1, Slot(Unsafe.Add(ref id, row + 1), Unsafe.Add(ref rating, row + 1)))++;
            Unsafe.Add(ref h2, Slot(Unsafe.Add(ref id, row + 2), Unsafe.Add(ref rating, row + 2)))++;
            Unsafe.Add(ref h3, Slot(Unsafe.Add(ref id, row + 3), Unsafe.Add(ref rating, row + 3)))++;
        }

        for (; row < length; row++) Unsafe.Add(ref h0, Slot(Unsafe.Add(ref id, row), Unsafe.Add(ref rating, row)))++;
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
