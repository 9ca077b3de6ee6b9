namespace Nps.Sampling;

/// <summary>A fixed-size random sample drawn from a customer list by <see cref="KeyedSampler.SelectFixedSize"/>.</summary>
public sealed class FixedSizeSample
{
    internal FixedSizeSample(IReadOnlyList<string> customerIds, int populationSize, string sampleName)
    {
        CustomerIds = customerIds;
        PopulationSize = populationSize;
        SampleName = sampleName;
    }

    /// <summary>The selected customers, ordered by id (ordinal).</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>How many distinct customers the list held (N).</summary>
    public int PopulationSize { get; }

    /// <summary>The name the sample was drawn under.</summary>
    public string SampleName { get; }

    /// <summary>The inclusion probability of every customer of the list: sample size / N (0 for an empty list).</summary>
    public double InclusionProbability => PopulationSize == 0 ? 0 : (double)CustomerIds.Count / PopulationSize;
}
