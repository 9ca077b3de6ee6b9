namespace Nps.Insights;

/// <summary>The counts of one team or agent in one period: the pre-aggregated input of <see cref="CoachingSignalDetector"/>.</summary>
/// <param name="Value">The team or agent id.</param>
/// <param name="Period">The period.</param>
/// <param name="Distribution">The ratings counted in the score (manual sends excluded).</param>
/// <param name="ManualSends">Responses to manual sends in the same cell (kept out of <paramref name="Distribution"/>).</param>
public readonly record struct SegmentPeriodCounts(string Value, Segmentation.TimeBucket Period, NpsDistribution Distribution, long ManualSends = 0);
