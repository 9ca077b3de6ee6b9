using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Nps.Benchmarks;

/// <summary>
/// The comparison points the library is measured against: the memory-read limit and the code a person would
/// write without the library (plain loops, Dictionary, LINQ). They live here, not in the benchmark classes, so
/// the smoke run checks exactly the code the benchmarks time.
/// </summary>
internal static class Kernels
{
    public const int Buckets = 11;

    /// <summary>
    /// The physical limit for one thread: touches every byte once with the widest vectors and the least work (an
    /// OR per vector, four independent chains), so nothing but memory bandwidth bounds it.
    /// </summary>
    public static byte ReadAll(ReadOnlySpan<byte> bytes)
    {
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var i = 0;
        byte tail = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> a = default, b = default, c = default, d = default;
            var width = Vector512<byte>.Count;
            for (; i + (4 * width) <= bytes.Length; i += 4 * width)
            {
                a |= Vector512.LoadUnsafe(ref start, (nuint)i);
                b |= Vector512.LoadUnsafe(ref start, (nuint)(i + width));
                c |= Vector512.LoadUnsafe(ref start, (nuint)(i + (2 * width)));
                d |= Vector512.LoadUnsafe(ref start, (nuint)(i + (3 * width)));
            }

            tail = Or(a | b | c | d);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> a = default, b = default, c = default, d = default;
            var width = Vector256<byte>.Count;
            for (; i + (4 * width) <= bytes.Length; i += 4 * width)
            {
                a |= Vector256.LoadUnsafe(ref start, (nuint)i);
                b |= Vector256.LoadUnsafe(ref start, (nuint)(i + width));
                c |= Vector256.LoadUnsafe(ref start, (nuint)(i + (2 * width)));
                d |= Vector256.LoadUnsafe(ref start, (nuint)(i + (3 * width)));
            }

            var all = a | b | c | d;
            for (var k = 0; k < Vector256<byte>.Count; k++) tail |= all.GetElement(k);
        }

        for (; i < bytes.Length; i++) tail |= bytes[i];
        return tail;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Or(Vector512<byte> v)
    {
        var folded = v.GetLower() | v.GetUpper();
        byte result = 0;
        for (var k = 0; k < Vector256<byte>.Count; k++) result |= folded.GetElement(k);
        return result;
    }

    /// <summary>The all-core read limit: <see cref="ReadAll"/> over the same chunks FromRatingsParallel uses.</summary>
    public static byte ReadAllParallel(ReadOnlyMemory<byte> bytes, int threads)
    {
        var chunkLength = (bytes.Length + threads - 1) / threads;
        var partial = new byte[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var offset = chunk * chunkLength;
            var length = Math.Min(chunkLength, bytes.Length - offset);
            partial[chunk] = ReadAll(bytes.Span.Slice(offset, length));
        });
        byte result = 0;
        foreach (var p in partial) result |= p;
        return result;
    }

    /// <summary>The read limit for 8-byte values (merge and weighted inputs): a vectorised sum.</summary>
    public static long SumAll(ReadOnlySpan<long> values)
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = 0;
        Vector512<long> a = default, b = default, c = default, d = default;
        var width = Vector512<long>.Count;
        for (; i + (4 * width) <= values.Length; i += 4 * width)
        {
            a += Vector512.LoadUnsafe(ref start, (nuint)i);
            b += Vector512.LoadUnsafe(ref start, (nuint)(i + width));
            c += Vector512.LoadUnsafe(ref start, (nuint)(i + (2 * width)));
            d += Vector512.LoadUnsafe(ref start, (nuint)(i + (3 * width)));
        }

        var sum = Vector512.Sum(a + b + c + d);
        for (; i < values.Length; i++) sum += values[i];
        return sum;
    }

    /// <summary>LINQ as commonly written: one Count per rating value (11 passes).</summary>
    public static long[] LinqCountPerValue(byte[] ratings) =>
        Enumerable.Range(0, Buckets).Select(v => (long)ratings.Count(r => r == v)).ToArray();

    /// <summary>A dense per-segment histogram, the plain loop: flat[segment * 11 + rating]++.</summary>
    public static void DenseLoop(ReadOnlySpan<int> segments, ReadOnlySpan<byte> ratings, Span<long> flat)
    {
        for (var i = 0; i < ratings.Length; i++)
        {
            var rating = ratings[i];
            if (rating > NpsRating.MaxValue) throw new ArgumentOutOfRangeException(nameof(ratings));
            flat[(segments[i] * Buckets) + rating]++;
        }
    }

    /// <summary>The plain dense loop on each of <paramref name="threads"/> row ranges, then the partial tables added.</summary>
    public static long[] DenseLoopParallel(int[] segments, byte[] ratings, int segmentCount, int threads)
    {
        var partials = new long[threads][];
        var chunkLength = (ratings.Length + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var offset = chunk * chunkLength;
            var length = Math.Max(0, Math.Min(chunkLength, ratings.Length - offset));
            var flat = new long[segmentCount * Buckets];
            DenseLoop(segments.AsSpan(offset, length), ratings.AsSpan(offset, length), flat);
            partials[chunk] = flat;
        });
        var total = partials[0];
        for (var t = 1; t < threads; t++)
        {
            for (var k = 0; k < total.Length; k++) total[k] += partials[t][k];
        }

        return total;
    }

    /// <summary>Grouping with a Dictionary from segment id to its 11 counts, the usual hand-written way.</summary>
    public static Dictionary<int, long[]> DictionaryGroup(int[] segments, byte[] ratings)
    {
        var groups = new Dictionary<int, long[]>();
        for (var i = 0; i < ratings.Length; i++)
        {
            ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, segments[i], out _);
            counts ??= new long[Buckets];
            counts[ratings[i]]++;
        }

        return groups;
    }

    /// <summary>LINQ GroupBy over (segment, rating) keys, counting each group.</summary>
    public static Dictionary<int, long> LinqGroupBy(int[] segments, byte[] ratings) =>
        Enumerable.Range(0, ratings.Length)
            .GroupBy(i => (segments[i] * Buckets) + ratings[i])
            .ToDictionary(g => g.Key, g => g.LongCount());

    public static long[] Flatten(Dictionary<int, long[]> groups, int segmentCount)
    {
        var flat = new long[segmentCount * Buckets];
        foreach (var (segment, counts) in groups) counts.CopyTo(flat, segment * Buckets);
        return flat;
    }

    public static long[] Flatten(Dictionary<int, long> groups, int segmentCount)
    {
        var flat = new long[segmentCount * Buckets];
        foreach (var (key, count) in groups) flat[key] = count;
        return flat;
    }
}
