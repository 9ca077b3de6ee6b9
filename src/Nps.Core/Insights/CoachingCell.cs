namespace Nps.Insights;

/// <summary>
/// The sums one (value, period) keeps for the coaching tests: counts per rating, and per rating Σw and Σw² of the
/// design weights, so that cells add and subtract exactly (counts) or to rounding (weights), and both the plain and
/// the weighted estimate come from the same cell. Manual sends are counted apart and are not in the ratings.
/// </summary>
internal sealed class CoachingCell
{
    private readonly long[] _counts = new long[NpsRating.MaxValue + 1];
    private readonly double[] _weights = new double[NpsRating.MaxValue + 1];
    private readonly double[] _squaredWeights = new double[NpsRating.MaxValue + 1];

    public long ManualSends { get; private set; }

    public long Count { get; private set; }

    public static CoachingCell From(NpsDistribution distribution, long manualSends)
    {
        var cell = new CoachingCell { ManualSends = manualSends };
        for (var rating = 0; rating <= NpsRating.MaxValue; rating++)
        {
            var count = distribution[rating];
            cell._counts[rating] = count;
            cell._weights[rating] = count;
            cell._squaredWeights[rating] = count;
            cell.Count += count;
        }

        return cell;
    }

    public void Add(int rating, double weight)
    {
        _counts[rating]++;
        _weights[rating] += weight;
        _squaredWeights[rating] += weight * weight;
        Count++;
    }

    /// <summary>Adds a group of responses with one rating, with the sums of their weights and squared weights (a store's count row).</summary>
    public void Add(int rating, long count, double weightSum, double squaredWeightSum)
    {
        _counts[rating] += count;
        _weights[rating] += weightSum;
        _squaredWeights[rating] += squaredWeightSum;
        Count += count;
    }

    public void AddManualSend() => ManualSends++;

    public void AddManualSends(long count) => ManualSends += count;

    public void Add(CoachingCell other, int sign = 1)
    {
        for (var rating = 0; rating <= NpsRating.MaxValue; rating++)
        {
            _counts[rating] += sign * other._counts[rating];
            _weights[rating] += sign * other._weights[rating];
            _squaredWeights[rating] += sign * other._squaredWeights[rating];
        }

        Count += sign * other.Count;
        ManualSends += sign * other.ManualSends;
    }

    /// <summary>Makes this cell the sum of <paramref name="other"/> alone, as <see cref="Sum"/> of it would be, without a new cell.</summary>
    public void Set(CoachingCell other)
    {
        Array.Clear(_counts);
        Array.Clear(_weights);
        Array.Clear(_squaredWeights);
        Count = 0;
        ManualSends = 0;
        Add(other);
    }

    public static CoachingCell Sum(IEnumerable<CoachingCell> cells)
    {
        var sum = new CoachingCell();
        foreach (var cell in cells) sum.Add(cell);
        return sum;
    }

    public NpsDistribution Distribution => NpsDistribution.FromCounts(_counts);

    /// <summary>The weighted estimate (Σwx / Σw with its linearised standard error).</summary>
    public WeightedNpsEstimate Weighted()
    {
        double sum = 0, squared = 0, promoters = 0, detractors = 0, promotersSquared = 0, detractorsSquared = 0;
        for (var rating = 0; rating <= NpsRating.MaxValue; rating++)
        {
            sum += _weights[rating];
            squared += _squaredWeights[rating];
            var category = NpsRating.Classify(rating);
            if (category == NpsCategory.Promoter)
            {
                promoters += _weights[rating];
                promotersSquared += _squaredWeights[rating];
            }
            else if (category == NpsCategory.Detractor)
            {
                detractors += _weights[rating];
                detractorsSquared += _squaredWeights[rating];
            }
        }

        return WeightedNpsAccumulator.Estimate(Count, sum, squared, promoters, detractors, promotersSquared, detractorsSquared);
    }

    /// <summary>
    /// The score in points with the variance of that score (points²) and the size used to weight periods: the plain
    /// score with the exact variance (p + d − (p − d)²) / n and size n, or when weighted the weighted score with its
    /// linearised variance and size Σw (the estimated number of customers behind the cell).
    /// </summary>
    public ScoreEstimate Score(bool weighted)
    {
        if (Count == 0) return new ScoreEstimate(double.NaN, double.NaN, 0, 0);
        if (!weighted)
        {
            var distribution = Distribution;
            return new ScoreEstimate(distribution.Score, 100 * 100 * distribution.Variance / Count, Count, Count);
        }

        var estimate = Weighted();
        return new ScoreEstimate(estimate.Score, estimate.StandardError * estimate.StandardError, estimate.SumOfWeights, Count);
    }

    /// <summary>
    /// The variance of one response's score contribution in points², 100²·(p + d − (p − d)²), from the (weighted when
    /// <paramref name="weighted"/>) shares: what a reference says one response of any value varies by when nothing differs.
    /// </summary>
    public double ResponseVariance(bool weighted)
    {
        double total = 0, promoters = 0, detractors = 0;
        for (var rating = 0; rating <= NpsRating.MaxValue; rating++)
        {
            var mass = weighted ? _weights[rating] : _counts[rating];
            total += mass;
            var category = NpsRating.Classify(rating);
            if (category == NpsCategory.Promoter) promoters += mass;
            else if (category == NpsCategory.Detractor) detractors += mass;
        }

        if (total == 0) return double.NaN;
        double p = promoters / total, d = detractors / total;
        return 100 * 100 * (p + d - (p - d) * (p - d));
    }

    /// <summary>
    /// Σw² / (Σw)²: what a per-response variance is multiplied by for the variance of this cell's (weighted) mean
    /// — 1/n without weights, 1/(Kish's effective n) with them (the linearised variance with a common per-response variance).
    /// </summary>
    public double SizeFactor(bool weighted)
    {
        if (Count == 0) return double.NaN;
        if (!weighted) return 1.0 / Count;
        double sum = 0, squared = 0;
        for (var rating = 0; rating <= NpsRating.MaxValue; rating++)
        {
            sum += _weights[rating];
            squared += _squaredWeights[rating];
        }

        return squared / (sum * sum);
    }

    /// <summary>
    /// The cumulative shares P(rating ≤ 6), P(≤ 8), P(≤ 9) with the sample size they rest on: n, or when weighted the
    /// weighted shares at Kish's effective n (Σw)² / Σw².
    /// </summary>
    public RatingShape Shape(bool weighted)
    {
        double total = 0, squared = 0, upToSix = 0, upToEight = 0, upToNine = 0;
        for (var rating = 0; rating <= NpsRating.MaxValue; rating++)
        {
            var mass = weighted ? _weights[rating] : _counts[rating];
            total += mass;
            squared += weighted ? _squaredWeights[rating] : _counts[rating];
            if (rating <= 6) upToSix += mass;
            if (rating <= 8) upToEight += mass;
            if (rating <= 9) upToNine += mass;
        }

        if (total == 0) return default;
        return new RatingShape(upToSix / total, upToEight / total, upToNine / total, weighted ? total * total / squared : total);
    }
}
