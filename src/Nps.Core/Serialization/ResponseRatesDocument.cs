using Nps.Delivery;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of response rates (<c>GET /api/reports/response-rates</c>): per segment and period, invitations
/// sent, answered, the rate and its Wilson interval (<see cref="NpsResponseRates"/>). Write it with <see cref="NpsJson"/>.
/// </summary>
/// <param name="Level">The confidence level of the intervals, in (0, 1).</param>
/// <param name="IncludeManual">Whether manual invitations were counted.</param>
/// <param name="Overall">Every invitation sent in the range.</param>
/// <param name="Segments">The period cells (when grouped by period), then the cells of the dimensions (and period), ordered by their values.</param>
public sealed record ResponseRatesDocument(double Level, bool IncludeManual, ResponseRateCellDocument Overall, IReadOnlyList<ResponseRateCellDocument> Segments)
{
    /// <summary>The document of computed cells.</summary>
    /// <param name="cells">The cells of <see cref="NpsResponseRates.FromCounts"/> (the overall cell has no dimensions).</param>
    /// <param name="level">The confidence level they were computed at.</param>
    /// <param name="includeManual">Whether manual invitations were counted.</param>
    /// <returns>The document.</returns>
    public static ResponseRatesDocument From(IReadOnlyList<ResponseRateCell> cells, double level, bool includeManual)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var overall = cells.FirstOrDefault(c => c.Dimensions.Count == 0);
        return new(level, includeManual, overall is null ? ResponseRateCellDocument.Empty() : ResponseRateCellDocument.From(overall),
            [.. cells.Where(c => c.Dimensions.Count > 0).Select(ResponseRateCellDocument.From)]);
    }
}
