using System.Text.Json.Serialization;

namespace Nps.Samples.Console.Reporting;

/// <summary>One cell of a report: the whole file (<c>overall</c>) or one segment.</summary>
/// <param name="Dimensions">Dimension name → value, with <c>period</c> when grouped by period; empty for overall.</param>
/// <param name="Count">Responses counted (manual sends excluded unless asked for).</param>
/// <param name="Promoters">Ratings of 9–10.</param>
/// <param name="Passives">Ratings of 7–8.</param>
/// <param name="Detractors">Ratings of 0–6.</param>
/// <param name="Nps">The score in points; null when there are no responses.</param>
/// <param name="Lower">Lower confidence bound in points; null when there are no responses.</param>
/// <param name="Upper">Upper confidence bound in points; null when there are no responses.</param>
/// <param name="EnoughData">Whether <paramref name="Count"/> reaches the minimum n.</param>
/// <param name="ManualExcluded">Manual sends left out of the score.</param>
/// <param name="WeightedNps">The inclusion-probability-weighted score, when weights differ.</param>
/// <param name="WeightedLower">Lower bound of the weighted score.</param>
/// <param name="WeightedUpper">Upper bound of the weighted score.</param>
/// <param name="EffectiveCount">Kish's effective sample size of the weighted estimate.</param>
public sealed record SegmentResult(
    IReadOnlyDictionary<string, string> Dimensions,
    long Count,
    long Promoters,
    long Passives,
    long Detractors,
    double? Nps,
    double? Lower,
    double? Upper,
    bool EnoughData,
    long ManualExcluded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedNps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedLower,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeightedUpper,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? EffectiveCount);
