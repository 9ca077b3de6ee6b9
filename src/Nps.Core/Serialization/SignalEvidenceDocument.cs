using Nps.Insights;

namespace Nps.Serialization;

/// <summary>The numbers behind a coaching signal, at full precision, scores in points.</summary>
/// <param name="Count">Responses of the flagged segment over the periods.</param>
/// <param name="Score">Its NPS; null if undefined.</param>
/// <param name="Interval">The confidence interval of the score.</param>
/// <param name="PValue">For inflation the Benjamini–Hochberg adjusted p-value the signal rests on; for the sequential kinds the plain p-value of the difference over the periods (the decision rests on the monitor's threshold); null if undefined.</param>
/// <param name="Periods">The labels of the periods involved, in order.</param>
/// <param name="Reference">What the segment is compared with: <c>peers</c>, or its own first periods.</param>
/// <param name="ReferenceScore">The reference's NPS; null if undefined.</param>
/// <param name="ReferenceCount">The reference's sample size.</param>
/// <param name="Difference">The segment's score minus the reference's, in points; null where the kind has none.</param>
/// <param name="StandardError">The standard error of <paramref name="Difference"/>; null where the kind has none.</param>
/// <param name="Weighted">Whether the scores are weighted by inverse inclusion probability.</param>
/// <param name="Summary">One line in words.</param>
public sealed record SignalEvidenceDocument(
    long Count,
    double? Score,
    NpsIntervalDocument Interval,
    double? PValue,
    IReadOnlyList<string> Periods,
    string Reference,
    double? ReferenceScore,
    long ReferenceCount,
    double? Difference,
    double? StandardError,
    bool Weighted,
    string Summary)
{
    /// <summary>The document of a signal's evidence.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The document.</returns>
    public static SignalEvidenceDocument From(SignalEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new SignalEvidenceDocument(
            evidence.Count, NpsJson.Finite(evidence.Score), NpsIntervalDocument.From(evidence.Interval), NpsJson.Finite(evidence.PValue),
            evidence.Periods, evidence.Reference, NpsJson.Finite(evidence.ReferenceScore), evidence.ReferenceCount,
            NpsJson.Finite(evidence.Difference), NpsJson.Finite(evidence.StandardError), evidence.Weighted, evidence.Summary)
        {
            Since = evidence.Since,
            SignalledIn = evidence.SignalledIn,
            DifferenceLower = NpsJson.Finite(evidence.DifferenceLower),
            DifferenceUpper = NpsJson.Finite(evidence.DifferenceUpper),
        };
    }

    /// <summary>For underperformance and post-launch-drop: the period the gap began (the monitor's change point); null for inflation.</summary>
    public string? Since { get; init; }

    /// <summary>For underperformance and post-launch-drop: the period the evidence first crossed the threshold; null for inflation.</summary>
    public string? SignalledIn { get; init; }

    /// <summary>The lower end of the confidence interval of <see cref="Difference"/>; null for inflation.</summary>
    public double? DifferenceLower { get; init; }

    /// <summary>The upper end of the confidence interval of <see cref="Difference"/>; null for inflation.</summary>
    public double? DifferenceUpper { get; init; }
}
