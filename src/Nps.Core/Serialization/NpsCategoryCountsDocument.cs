namespace Nps.Serialization;

/// <summary>Category counts and their NPS.</summary>
/// <param name="Count">Responses.</param>
/// <param name="Promoters">Ratings of 9–10.</param>
/// <param name="Passives">Ratings of 7–8.</param>
/// <param name="Detractors">Ratings of 0–6.</param>
/// <param name="Nps">The score in points at full precision; null when there are no responses.</param>
public sealed record NpsCategoryCountsDocument(long Count, long Promoters, long Passives, long Detractors, double? Nps)
{
    /// <summary>The document of category counts.</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>The document.</returns>
    public static NpsCategoryCountsDocument From(NpsCategoryCounts counts) =>
        new(counts.Count, counts.Promoters, counts.Passives, counts.Detractors, counts.IsEmpty ? null : NpsJson.Finite(counts.Score));
}
