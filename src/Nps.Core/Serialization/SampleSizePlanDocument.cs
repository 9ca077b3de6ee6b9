namespace Nps.Serialization;

/// <summary>The JSON contract of a sample-size plan (<c>nps plan --format json</c>).</summary>
/// <param name="Margin">The margin of error in NPS points (half the interval width).</param>
/// <param name="Level">The confidence level, in (0, 1).</param>
/// <param name="Promoters">The expected promoter share in [0, 1]; null for the worst case.</param>
/// <param name="Detractors">The expected detractor share in [0, 1]; null for the worst case.</param>
/// <param name="Responses">Responses needed (<see cref="NpsSampleSize"/>).</param>
public sealed record SampleSizePlanDocument(double Margin, double Level, double? Promoters, double? Detractors, long Responses);
