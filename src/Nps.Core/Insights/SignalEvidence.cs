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
    /// For inflation the q-value the decision rests on: the one-sided p-value, Benjamini–Hochberg adjusted across
    /// every indicator of every value. For the sequential kinds the decision rests on the monitor's threshold (see
    /// <see cref="CoachingSignalOptions.ValueYearsPerFalseAlarm"/>), and this is the plain one-sided p-value of
    /// <see cref="Difference"/> over <see cref="Periods"/>, for reading only: the periods were chosen by the monitor, so
    /// it understates the doubt.
    /// </summary>
    public required double PValue { get; init; }

    /// <summary>What the segment is compared with: <c>"peers"</c> (the other values, outliers left out), or for post-launch-drop the segment's own first periods.</summary>
    public required string Reference { get; init; }

    /// <summary>The reference's score in points: the peers' score, or the segment's score in its first periods.</summary>
    public required double ReferenceScore { get; init; }

    /// <summary>The reference's sample size.</summary>
    public required long ReferenceCount { get; init; }

    /// <summary>The labels of the periods involved, in order (for the sequential kinds: from <see cref="Since"/> to <see cref="SignalledIn"/>).</summary>
    public required IReadOnlyList<string> Periods { get; init; }

    /// <summary>
    /// The tested effect in points: for underperformance the value's score minus its peers' (standardised to the
    /// value's periods); for post-launch-drop its change after the honeymoon minus its peers' change over the same
    /// periods; for inflation the largest excess of an indicator that fired, in share points (× 100).
    /// </summary>
    public double? Difference { get; init; }

    /// <summary>The standard error of <see cref="Difference"/> in points (underperformance and post-launch-drop; null for inflation, tested on logits).</summary>
    public double? StandardError { get; init; }

    /// <summary>
    /// For the sequential kinds (underperformance, post-launch-drop): the period the gap began, by the monitor's change
    /// point (the first period of the run of evidence that crossed the threshold); null for inflation.
    /// </summary>
    public string? Since { get; init; }

    /// <summary>For the sequential kinds: the period in which the accumulated evidence crossed the threshold; null for inflation.</summary>
    public string? SignalledIn { get; init; }

    /// <summary>The lower end of the confidence interval (at the options' level) of <see cref="Difference"/>; null for inflation.</summary>
    public double? DifferenceLower { get; init; }

    /// <summary>The upper end of the confidence interval of <see cref="Difference"/>; null for inflation.</summary>
    public double? DifferenceUpper { get; init; }

    /// <summary>Whether the weighted estimates (design weights 1 / inclusion probability, linearised variance) were used because probabilities differ.</summary>
    public bool Weighted { get; init; }

    /// <summary>A one-line human-readable explanation.</summary>
    public required string Summary { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Summary} (n={Count}, NPS={Score:0.0} {Interval}, {Reference} {ReferenceScore:0.0}, q={PValue:0.####})");
}
