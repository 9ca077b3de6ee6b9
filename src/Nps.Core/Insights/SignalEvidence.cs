using System.Globalization;

namespace Nps.Insights;

/// <summary>Why a <see cref="CoachingSignal"/> fired: the numbers a coach can check.</summary>
public sealed record SignalEvidence
{
    /// <summary>The sample size n of the flagged segment over <see cref="Periods"/>.</summary>
    public required long Count { get; init; }

    /// <summary>The flagged segment's NPS over <see cref="Periods"/>, in points.</summary>
    public required double Score { get; init; }

    /// <summary>The confidence interval of <see cref="Score"/>.</summary>
    public required NpsInterval Interval { get; init; }

    /// <summary>
    /// The q-value the decision rests on: the one-sided p-value, Benjamini–Hochberg adjusted across the values
    /// tested for the same kind in the run (for inflation across every indicator of every value).
    /// </summary>
    public required double PValue { get; init; }

    /// <summary>What the segment is compared with: <c>"peers"</c> (the other values, outliers left out), or for post-launch-drop the segment's own first periods.</summary>
    public required string Reference { get; init; }

    /// <summary>The reference's score in points: the peers' score, or the segment's score in its first periods.</summary>
    public required double ReferenceScore { get; init; }

    /// <summary>The reference's sample size.</summary>
    public required long ReferenceCount { get; init; }

    /// <summary>The labels of the periods involved, in order.</summary>
    public required IReadOnlyList<string> Periods { get; init; }

    /// <summary>
    /// The tested effect in points: for underperformance the value's score minus its peers' (standardised to the
    /// value's periods); for post-launch-drop its change after the honeymoon minus its peers' change over the same
    /// periods; for inflation the largest excess of an indicator that fired, in share points (× 100).
    /// </summary>
    public double? Difference { get; init; }

    /// <summary>The standard error of <see cref="Difference"/> in points (underperformance and post-launch-drop; null for inflation, tested on logits).</summary>
    public double? StandardError { get; init; }

    /// <summary>Whether the weighted estimates (design weights 1 / inclusion probability, linearised variance) were used because probabilities differ.</summary>
    public bool Weighted { get; init; }

    /// <summary>A one-line human-readable explanation.</summary>
    public required string Summary { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Summary} (n={Count}, NPS={Score:0.0} {Interval}, {Reference} {ReferenceScore:0.0}, q={PValue:0.####})");
}
