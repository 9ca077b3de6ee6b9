namespace Nps.Segmentation;

/// <summary>
/// One group of responses counted by a store: those with the same period, dimension values, rating and manual
/// flag (and unsolicited flag, <see cref="IsUnsolicited"/>), with the sums a weighted estimate needs. Rows merge exactly, so any engine that can
/// <c>GROUP BY period, dimensions, rating, manual, unsolicited</c> feeds <see cref="NpsReportBuilder.Add(in NpsCountRow)"/>.
/// </summary>
/// <param name="Period">The period, when the query groups by time; null otherwise.</param>
/// <param name="DimensionValues">The values of the query's dimensions, in its order; null for a missing value.</param>
/// <param name="Rating">The rating.</param>
/// <param name="IsManual">Whether these responses answer manual sends.</param>
/// <param name="Count">How many responses, at least 1.</param>
/// <param name="WeightSum">The sum of their weights 1 / inclusion probability.</param>
/// <param name="SquaredWeightSum">The sum of their squared weights.</param>
/// <param name="MinInclusionProbability">The smallest inclusion probability among them.</param>
/// <param name="MaxInclusionProbability">The largest inclusion probability among them.</param>
public readonly record struct NpsCountRow(
    TimeBucket? Period,
    IReadOnlyList<string?> DimensionValues,
    NpsRating Rating,
    bool IsManual,
    long Count,
    double WeightSum,
    double SquaredWeightSum,
    double MinInclusionProbability,
    double MaxInclusionProbability)
{
    /// <summary>A row of <paramref name="count"/> responses that all have inclusion probability 1 (weight 1).</summary>
    /// <param name="period">The period, or null.</param>
    /// <param name="dimensionValues">The dimension values; null for a missing value.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="isManual">Whether they answer manual sends.</param>
    /// <param name="count">How many responses.</param>
    /// <returns>The row.</returns>
    public static NpsCountRow Unweighted(TimeBucket? period, IReadOnlyList<string?> dimensionValues, NpsRating rating, bool isManual, long count) =>
        new(period, dimensionValues, rating, isManual, count, count, count, 1, 1);

    /// <summary>
    /// Whether these responses matched no invitation (<see cref="ResponseProvenance.Unsolicited"/>): kept out of the
    /// unbiased score by default, as manual sends are, and only counted. Part of the group's key, like <see cref="IsManual"/>.
    /// </summary>
    public bool IsUnsolicited { get; init; }
}
