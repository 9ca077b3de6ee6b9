namespace Nps.Benchmarks;

/// <summary>How segment ids are spread over the rows of a grouped benchmark.</summary>
public enum Skew
{
    /// <summary>Every segment equally likely.</summary>
    Uniform,

    /// <summary>Zipf with s = 1: the most common segment holds about 13 % of rows at 1,000 segments.</summary>
    Zipf,
}

/// <summary>Seeded synthetic columns shared by the benchmarks and the smoke run.</summary>
internal static class BenchmarkData
{
    /// <summary>Ratings 0..10 with a realistic, lopsided NPS shape (many 9s and 10s, a tail of low scores).</summary>
    public static byte[] Ratings(int length, int seed = 42)
    {
        // Cumulative weights of 0..10 out of 100.
        ReadOnlySpan<byte> cumulative = [3, 5, 7, 10, 13, 18, 24, 34, 50, 72, 100];
        var table = new byte[100];
        var rating = 0;
        for (var p = 0; p < 100; p++)
        {
            while (p >= cumulative[rating]) rating++;
            table[p] = (byte)rating;
        }

        var random = new Random(seed);
        var ratings = new byte[length];
        for (var i = 0; i < length; i++) ratings[i] = table[random.Next(100)];
        return ratings;
    }

    /// <summary>Segment ids 0..segments−1, uniform or Zipf(s = 1) with hot ranks scattered over the id range.</summary>
    public static int[] Segments(int length, int segments, Skew skew, int seed = 7)
    {
        var random = new Random(seed);
        var ids = new int[length];
        if (skew == Skew.Uniform)
        {
            for (var i = 0; i < length; i++) ids[i] = random.Next(segments);
            return ids;
        }

        // Inverse-CDF sampling over the ranks 1..segments with P(k) ∝ 1/k; a seeded permutation maps rank to id
        // so that the hot segments are not simply the first rows of the histogram table.
        var cdf = new double[segments];
        var sum = 0.0;
        for (var k = 0; k < segments; k++) cdf[k] = sum += 1.0 / (k + 1);
        for (var k = 0; k < segments; k++) cdf[k] /= sum;
        var idOfRank = Enumerable.Range(0, segments).ToArray();
        random.Shuffle(idOfRank);
        for (var i = 0; i < length; i++)
        {
            var rank = Array.BinarySearch(cdf, random.NextDouble());
            if (rank < 0) rank = ~rank;
            ids[i] = idOfRank[Math.Min(rank, segments - 1)];
        }

        return ids;
    }

    /// <summary>Positive survey weights (1 / inclusion probability), between 1 and 20.</summary>
    public static double[] Weights(int length, int seed = 11)
    {
        var random = new Random(seed);
        var weights = new double[length];
        for (var i = 0; i < length; i++) weights[i] = 1 + (19 * random.NextDouble());
        return weights;
    }
}
