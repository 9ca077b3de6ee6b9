using Nps.Ambitions;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of ambition tracking (<c>nps ambition --format json</c>). Scores in points at full
/// precision, null where a window has no answers.
/// </summary>
/// <param name="Ambitions">One entry per ambition, in the file's order.</param>
public sealed record AmbitionsDocument(IReadOnlyList<AmbitionDocument> Ambitions)
{
    /// <summary>The document of measured ambitions.</summary>
    /// <param name="progress">The ambitions' progress.</param>
    /// <returns>The document.</returns>
    public static AmbitionsDocument From(IEnumerable<AmbitionProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new AmbitionsDocument([.. progress.Select(AmbitionDocument.From)]);
    }
}

/// <summary>One ambition against its baseline.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Value">The segment's value.</param>
/// <param name="Target">The ambition in points.</param>
/// <param name="By">The day by which it should be reached.</param>
/// <param name="Baseline">The baseline's score.</param>
/// <param name="Current">The current window's score.</param>
/// <param name="Change">Current minus baseline; null unless both have answers.</param>
/// <param name="ProbabilityAtLeastTarget">Posterior P(true current NPS ≥ target) under a uniform Dirichlet(1, 1, 1) prior.</param>
/// <param name="OnTrack">Whether the current score is at or above the line from the baseline to the target; null unless both have answers.</param>
public sealed record AmbitionDocument(
    string Dimension,
    string Value,
    double Target,
    DateOnly By,
    AmbitionBaselineDocument Baseline,
    AmbitionCurrentDocument Current,
    AmbitionChangeDocument? Change,
    double ProbabilityAtLeastTarget,
    bool? OnTrack)
{
    /// <summary>The document of one ambition's progress.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>The document.</returns>
    public static AmbitionDocument From(AmbitionProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var a = progress.Ambition;
        var baseline = progress.Baseline;
        var current = progress.Current;
        return new AmbitionDocument(
            a.Dimension,
            a.Value,
            a.Target,
            a.By,
            new AmbitionBaselineDocument(baseline.Count, Score(baseline), Bound(baseline, progress.BaselineInterval.Lower), Bound(baseline, progress.BaselineInterval.Upper)),
            new AmbitionCurrentDocument(progress.CurrentFrom, progress.CurrentTo, current.Count, Score(current), Bound(current, progress.CurrentInterval.Lower), Bound(current, progress.CurrentInterval.Upper)),
            progress.Change is { } change ? new AmbitionChangeDocument(change.Difference, change.PValue) : null,
            progress.ProbabilityAtLeastTarget,
            progress.OnTrack);
    }

    private static double? Score(NpsCategoryCounts counts) => counts.IsEmpty ? null : counts.Score;

    private static double? Bound(NpsCategoryCounts counts, double bound) => counts.IsEmpty ? null : bound;
}

/// <summary>The baseline measurement's score.</summary>
/// <param name="Count">Answers.</param>
/// <param name="Nps">The score in points; null without answers.</param>
/// <param name="Lower">The interval's lower bound; null without answers.</param>
/// <param name="Upper">The interval's upper bound; null without answers.</param>
public sealed record AmbitionBaselineDocument(long Count, double? Nps, double? Lower, double? Upper);

/// <summary>The current window's score.</summary>
/// <param name="From">The window's first day.</param>
/// <param name="To">The window's last day (the as-of day).</param>
/// <param name="Count">Answers.</param>
/// <param name="Nps">The score in points; null without answers.</param>
/// <param name="Lower">The interval's lower bound; null without answers.</param>
/// <param name="Upper">The interval's upper bound; null without answers.</param>
public sealed record AmbitionCurrentDocument(DateOnly From, DateOnly To, long Count, double? Nps, double? Lower, double? Upper);

/// <summary>The current window against the baseline.</summary>
/// <param name="Difference">Current minus baseline, in points.</param>
/// <param name="PValue">The two-sided p-value of no change.</param>
public sealed record AmbitionChangeDocument(double Difference, double PValue);
