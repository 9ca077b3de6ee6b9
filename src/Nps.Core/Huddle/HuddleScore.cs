namespace Nps.Huddle;

/// <summary>A team's score in one period: n, the categories and the interval.</summary>
/// <param name="Period">The period.</param>
/// <param name="Counts">The answers by category (manual sends left out unless included).</param>
/// <param name="Interval">The confidence interval in points (the whole range when there are no answers).</param>
/// <param name="EnoughData">Whether n reaches the brief's minimum count.</param>
public readonly record struct HuddleScore(HuddlePeriod Period, NpsCategoryCounts Counts, NpsInterval Interval, bool EnoughData)
{
    /// <summary>The score in points; null when there are no answers.</summary>
    public double? Score => Counts.IsEmpty ? null : Counts.Score;
}
