namespace Nps.Samples.Console.Commands;

/// <summary>The JSON document of <c>nps insights --format json</c>.</summary>
/// <param name="Dimension">agent or team.</param>
/// <param name="Period">The period of the series.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="Rejected">Invalid rows skipped with <c>--skip-invalid</c>.</param>
/// <param name="Signals">Only the signals that fired.</param>
public sealed record InsightsDocument(string Dimension, string Period, double Level, long Rejected, IReadOnlyList<SignalResult> Signals);

/// <summary>One coaching signal.</summary>
/// <param name="Kind"><c>underperformance</c>, <c>post-launch-drop</c> or <c>inflation</c>.</param>
/// <param name="Dimension">e.g. <c>agent</c>.</param>
/// <param name="Value">e.g. the agent's id.</param>
/// <param name="Evidence">Why it fired.</param>
public sealed record SignalResult(string Kind, string Dimension, string Value, EvidenceResult Evidence);

/// <summary>The evidence of a signal.</summary>
/// <param name="N">Responses of the flagged segment over the periods.</param>
/// <param name="Score">Its NPS in points.</param>
/// <param name="Interval">Its confidence interval.</param>
/// <param name="PValue">The (multiple-comparison guarded) p-value of the difference with the reference.</param>
/// <param name="Periods">The labels of the periods involved.</param>
/// <param name="Reference">What it is compared with: peers, or its own first periods.</param>
/// <param name="ReferenceScore">The reference's NPS.</param>
/// <param name="ReferenceN">The reference's sample size.</param>
/// <param name="Summary">One line in words.</param>
public sealed record EvidenceResult(
    long N,
    double Score,
    IntervalResult Interval,
    double PValue,
    IReadOnlyList<string> Periods,
    string Reference,
    double ReferenceScore,
    long ReferenceN,
    string Summary);

/// <summary>A confidence interval in points.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Confidence level.</param>
/// <param name="Method">Interval method.</param>
public sealed record IntervalResult(double Lower, double Upper, double Level, string Method);
