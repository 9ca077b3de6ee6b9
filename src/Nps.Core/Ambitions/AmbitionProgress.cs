namespace Nps.Ambitions;

/// <summary>Where one ambition stands: its baseline, the current window, the change and the chance of the target.</summary>
public sealed record AmbitionProgress
{
    /// <summary>The ambition.</summary>
    public required Ambition Ambition { get; init; }

    /// <summary>The baseline's answers by category.</summary>
    public NpsCategoryCounts Baseline { get; init; }

    /// <summary>The baseline's confidence interval in points.</summary>
    public NpsInterval BaselineInterval { get; init; }

    /// <summary>The first day of the current window.</summary>
    public DateOnly CurrentFrom { get; init; }

    /// <summary>The last day of the current window (the as-of day).</summary>
    public DateOnly CurrentTo { get; init; }

    /// <summary>The current window's answers by category.</summary>
    public NpsCategoryCounts Current { get; init; }

    /// <summary>The current window's confidence interval in points.</summary>
    public NpsInterval CurrentInterval { get; init; }

    /// <summary>Current minus baseline, with its p-value; null unless both have answers.</summary>
    public NpsComparison? Change { get; init; }

    /// <summary>
    /// The posterior probability that the current window's true score is at least the target, under a uniform
    /// Dirichlet(1, 1, 1) prior (<see cref="NpsPosterior.ProbabilityAtLeast(NpsCategoryCounts, double)"/>).
    /// </summary>
    public double ProbabilityAtLeastTarget { get; init; }

    /// <summary>
    /// The score the straight line from the baseline score (at the baseline's last day) to the target (at
    /// <see cref="Ambition.By"/>) reaches on the as-of day: the baseline score before the baseline ends, the target
    /// after <c>by</c>; null without a baseline score.
    /// </summary>
    public double? ExpectedScore { get; init; }

    /// <summary>Whether the current score is at or above <see cref="ExpectedScore"/>; null unless both the baseline and the current window have answers.</summary>
    public bool? OnTrack { get; init; }
}
