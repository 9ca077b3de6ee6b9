using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Nps;

/// <summary>
/// The hot path: counts 0–10 ratings held as bytes. Compare-and-count in SIMD registers: each rating value v
/// keeps a vector of byte counters that an equality mask (all ones = −1) is subtracted from; the counters are
/// widened into 64-bit totals before they can overflow (every 255 vectors). The count of 10s is derived as
/// n − Σ(0..9) once every byte is known to be ≤ 10, which a running maximum proves at the cost of one
/// instruction per vector.
/// </summary>
internal static class RatingCounter
{
    private const int Buckets = 11;
    private const int FlushEvery = 255;
    private const int NibbleFlushEvery = 15;

    /// <summary>Adds the counts of <paramref name="ratings"/> to <paramref name="counts"/> (length ≥ 11).</summary>
    /// <exception cref="ArgumentException">A byte is greater than 10; the message names its index.</exception>
    public static void Count(ReadOnlySpan<byte> ratings, Span<long> counts, long indexOffset = 0)
    {
        Span<long> local = stackalloc long[Buckets];
        local.Clear();
        var done = 0;
        if (Vector512.IsHardwareAccelerated && Avx512BW.IsSupported && ratings.Length >= Vector512<byte>.Count)
        {
            done = CountVector512(ratings, local);
        }
        else if (Vector256.IsHardwareAccelerated && ratings.Length >= Vector256<byte>.Count)
        {
            done = CountVector256(ratings, local);
        }
        else if (Vector128.IsHardwareAccelerated && ratings.Length >= Vector128<byte>.Count)
        {
            done = CountVector128(ratings, local);
        }

        if (done < 0) ThrowInvalid(ratings, indexOffset);

        foreach (var rating in ratings[done..])
        {
            if (rating > NpsRating.MaxValue) ThrowInvalid(ratings, indexOffset);
            local[rating]++;
        }

        for (var i = 0; i < Buckets; i++) counts[i] += local[i];
    }

    /// <summary>The plain loop, kept as the reference the vectorised path must equal (tests, benchmarks).</summary>
    public static void CountScalar(ReadOnlySpan<byte> ratings, Span<long> counts, long indexOffset = 0)
    {
        for (var i = 0; i < ratings.Length; i++)
        {
            var rating = ratings[i];
            if (rating > NpsRating.MaxValue) ThrowInvalid(ratings, indexOffset);
            counts[rating]++;
        }
    }

    // The three widths are written out rather than made generic: the ISimdVector abstraction does not promise
    // the same code for each width, and this is the one loop where that matters. Each returns how many bytes it
    // consumed (a whole number of vectors), or −1 when some byte was above 10.
    // AVX-512 path: table lookups instead of compares. A byte shuffle (vpshufb) maps each rating through a
    // 16-entry table to 0x01 or 0x10 for two chosen ratings (0 otherwise), so one shuffle plus one add counts two
    // ratings at once in the low and high nibble of each byte: five shuffles cover 0..9 where ten compares
    // did, and compares into mask registers are the scarce port on AVX-512 cores. A nibble holds 15, so every
    // 15 vectors the nibbles are split into byte counters, which are widened every 255 vectors as above.
    // Bytes above 15 index the table by their low nibble and miscount, but the running maximum rejects them.
    private static int CountVector512(ReadOnlySpan<byte> ratings, Span<long> totals)
    {
        ref var start = ref MemoryMarshal.GetReference(ratings);
        var vectors = ratings.Length / Vector512<byte>.Count;
        var max = Vector512<byte>.Zero;
        var lowNibble = Vector512.Create((byte)0x0F);
        var t04 = NibbleTable(0, 4);
        var t15 = NibbleTable(1, 5);
        var t26 = NibbleTable(2, 6);
        var t37 = NibbleTable(3, 7);
        var t89 = NibbleTable(8, 9);
        var v = 0;
        while (v < vectors)
        {
            Vector512<byte> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default,
                c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
            var flushAt = Math.Min(vectors, v + FlushEvery);
            while (v < flushAt)
            {
                Vector512<byte> n04 = default, n15 = default, n26 = default, n37 = default, n89 = default;
                var end = Math.Min(flushAt, v + NibbleFlushEvery);
                for (; v < end; v++)
                {
                    var x = Vector512.LoadUnsafe(ref start, (nuint)(v * Vector512<byte>.Count));
                    max = Vector512.Max(max, x);
                    n04 += Avx512BW.Shuffle(t04, x);
                    n15 += Avx512BW.Shuffle(t15, x);
                    n26 += Avx512BW.Shuffle(t26, x);
                    n37 += Avx512BW.Shuffle(t37, x);
                    n89 += Avx512BW.Shuffle(t89, x);
                }

                c0 += n04 & lowNibble; c4 += HighNibbles(n04, lowNibble);
                c1 += n15 & lowNibble; c5 += HighNibbles(n15, lowNibble);
                c2 += n26 & lowNibble; c6 += HighNibbles(n26, lowNibble);
                c3 += n37 & lowNibble; c7 += HighNibbles(n37, lowNibble);
                c8 += n89 & lowNibble; c9 += HighNibbles(n89, lowNibble);
            }

            totals[0] += Total(c0); totals[1] += Total(c1); totals[2] += Total(c2); totals[3] += Total(c3);
            totals[4] += Total(c4); totals[5] += Total(c5); totals[6] += Total(c6); totals[7] += Total(c7);
            totals[8] += Total(c8); totals[9] += Total(c9);
        }

        if (Vector512.GreaterThanAny(max, Vector512.Create((byte)NpsRating.MaxValue))) return -1;
        var consumed = vectors * Vector512<byte>.Count;
        totals[10] = consumed - SumOfFirstTen(totals);
        return consumed;
    }

    /// <summary>A shuffle table (the same 16 bytes in each 128-bit lane): <paramref name="low"/> → 0x01, <paramref name="high"/> → 0x10.</summary>
    private static Vector512<byte> NibbleTable(int low, int high)
    {
        Span<byte> table = stackalloc byte[16];
        table.Clear();
        table[low] = 0x01;
        table[high] = 0x10;
        var lane = Vector256.Create(Vector128.Create<byte>(table), Vector128.Create<byte>(table));
        return Vector512.Create(lane, lane);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> HighNibbles(Vector512<byte> nibbles, Vector512<byte> lowNibble) =>
        Vector512.ShiftRightLogical(nibbles.AsUInt16(), 4).AsByte() & lowNibble;

    private static int CountVector256(ReadOnlySpan<byte> ratings, Span<long> totals)
    {
        ref var start = ref MemoryMarshal.GetReference(ratings);
        var vectors = ratings.Length / Vector256<byte>.Count;
        var max = Vector256<byte>.Zero;
        var v = 0;
        while (v < vectors)
        {
            Vector256<byte> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default,
                c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
            var end = Math.Min(vectors, v + FlushEvery);
            for (; v < end; v++)
            {
                var x = Vector256.LoadUnsafe(ref start, (nuint)(v * Vector256<byte>.Count));
                max = Vector256.Max(max, x);
                c0 -= Vector256.Equals(x, Vector256.Create((byte)0));
                c1 -= Vector256.Equals(x, Vector256.Create((byte)1));
                c2 -= Vector256.Equals(x, Vector256.Create((byte)2));
                c3 -= Vector256.Equals(x, Vector256.Create((byte)3));
                c4 -= Vector256.Equals(x, Vector256.Create((byte)4));
                c5 -= Vector256.Equals(x, Vector256.Create((byte)5));
                c6 -= Vector256.Equals(x, Vector256.Create((byte)6));
                c7 -= Vector256.Equals(x, Vector256.Create((byte)7));
                c8 -= Vector256.Equals(x, Vector256.Create((byte)8));
                c9 -= Vector256.Equals(x, Vector256.Create((byte)9));
            }

            totals[0] += Total(c0); totals[1] += Total(c1); totals[2] += Total(c2); totals[3] += Total(c3);
            totals[4] += Total(c4); totals[5] += Total(c5); totals[6] += Total(c6); totals[7] += Total(c7);
            totals[8] += Total(c8); totals[9] += Total(c9);
        }

        if (Vector256.GreaterThanAny(max, Vector256.Create((byte)NpsRating.MaxValue))) return -1;
        var consumed = vectors * Vector256<byte>.Count;
        totals[10] = consumed - SumOfFirstTen(totals);
        return consumed;
    }

    private static int CountVector128(ReadOnlySpan<byte> ratings, Span<long> totals)
    {
        ref var start = ref MemoryMarshal.GetReference(ratings);
        var vectors = ratings.Length / Vector128<byte>.Count;
        var max = Vector128<byte>.Zero;
        var v = 0;
        while (v < vectors)
        {
            Vector128<byte> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default,
                c5 = default, c6 = default, c7 = default, c8 = default, c9 = default;
            var end = Math.Min(vectors, v + FlushEvery);
            for (; v < end; v++)
            {
                var x = Vector128.LoadUnsafe(ref start, (nuint)(v * Vector128<byte>.Count));
                max = Vector128.Max(max, x);
                c0 -= Vector128.Equals(x, Vector128.Create((byte)0));
                c1 -= Vector128.Equals(x, Vector128.Create((byte)1));
                c2 -= Vector128.Equals(x, Vector128.Create((byte)2));
                c3 -= Vector128.Equals(x, Vector128.Create((byte)3));
                c4 -= Vector128.Equals(x, Vector128.Create((byte)4));
                c5 -= Vector128.Equals(x, Vector128.Create((byte)5));
                c6 -= Vector128.Equals(x, Vector128.Create((byte)6));
                c7 -= Vector128.Equals(x, Vector128.Create((byte)7));
                c8 -= Vector128.Equals(x, Vector128.Create((byte)8));
                c9 -= Vector128.Equals(x, Vector128.Create((byte)9));
            }

            totals[0] += Total(c0); totals[1] += Total(c1); totals[2] += Total(c2); totals[3] += Total(c3);
            totals[4] += Total(c4); totals[5] += Total(c5); totals[6] += Total(c6); totals[7] += Total(c7);
            totals[8] += Total(c8); totals[9] += Total(c9);
        }

        if (Vector128.GreaterThanAny(max, Vector128.Create((byte)NpsRating.MaxValue))) return -1;
        var consumed = vectors * Vector128<byte>.Count;
        totals[10] = consumed - SumOfFirstTen(totals);
        return consumed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Total(Vector512<byte> counters)
    {
        var (lower, upper) = Vector512.Widen(counters);
        return Vector512.Sum(lower + upper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Total(Vector256<byte> counters)
    {
        var (lower, upper) = Vector256.Widen(counters);
        return Vector256.Sum(lower + upper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Total(Vector128<byte> counters)
    {
        var (lower, upper) = Vector128.Widen(counters);
        return Vector128.Sum(lower + upper);
    }

    /// <summary>Called on the fresh local totals right after the vector loop, so they hold its counts only.</summary>
    private static long SumOfFirstTen(Span<long> totals)
    {
        long sum = 0;
        for (var i = 0; i < 10; i++) sum += totals[i];
        return sum;
    }

    private static void ThrowInvalid(ReadOnlySpan<byte> ratings, long indexOffset)
    {
        for (var i = 0; i < ratings.Length; i++)
        {
            if (ratings[i] > NpsRating.MaxValue)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Rating at index {indexOffset + i} is {ratings[i]}; an NPS rating must be from 0 to 10."),
                    nameof(ratings));
            }
        }
    }
}
