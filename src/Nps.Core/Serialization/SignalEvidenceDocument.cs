using Nps.Insights;

namespace Nps.Serialization;

/// <summary>The numbers behind a coaching signal, at full precision, scores in points.</summary>
/// <param name="Count">Responses of the flagged segment over the periods.</param>
/// <param name="Score">Its NPS; null if undefined.</param>
/// <param name="Interval">The confidence interval of the score.</param>
/// <param name="PValue">The Benjamini–Hochberg adjusted p-value the signal rests on; null if undefined.</param>
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
            NpsJson.Finite(evidence.Difference), NpsJson.Finite(evidence.StandardError), evidence.Weighted, evidence.Summary);
    }
}
