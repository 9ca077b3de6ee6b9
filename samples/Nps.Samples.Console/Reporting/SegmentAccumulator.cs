namespace Nps.Samples.Console.Reporting;

/// <summary>
/// The running totals of one segment: 11 rating counts, the weighted accumulator and the manual sends left out.
/// Its size is fixed, so a report's memory depends on the number of segments, never on the number of rows.
/// </summary>
internal sealed class SegmentAccumulator
{
    private readonly long[] counts = new long[NpsDistribution.RatingCount];
    private WeightedNpsAccumulator weighted;

    /// <summary>Manual sends seen in this segment and left out of the score.</summary>
    public long ManualExcluded { get; private set; }

    /// <summary>Adds one rating with its sampling weight.</summary>
    public void Add(byte rating, double weight)
    {
        counts[rating]++;
        weighted.Add(rating, weight);
    }

    /// <summary>Counts one manual send that is kept out of the score.</summary>
    public void AddExcludedManual() => ManualExcluded++;

    /// <summary>The unweighted distribution.</summary>
    public NpsDistribution Distribution => NpsDistribution.FromCounts(counts);

    /// <summary>The weighted (Horvitz–Thompson style) estimate.</summary>
    public WeightedNpsEstimate Weighted => weighted.ToEstimate();
}
