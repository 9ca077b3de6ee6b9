namespace Nps.Insights;

/// <summary>
/// One value's invitations over the coaching window (an agent's or a team's): sent, and answered of those. The input of
/// the <see cref="CoachingSignalKinds.ResponseRateOutlier"/> indicator and of inflation's response-rate evidence; take
/// them from <see cref="Delivery.NpsResponseRates"/> grouped by the coaching dimension.
/// </summary>
/// <param name="Value">The dimension value (the agent or team).</param>
/// <param name="Sent">Invitations sent, at least 0.</param>
/// <param name="Answered">Of those, answered: in [0, <paramref name="Sent"/>].</param>
public readonly record struct ResponseRateCounts(string Value, long Sent, long Answered)
{
    /// <summary>The counts of one dimension's segments from response-rate cells (cells of other groupings are skipped).</summary>
    /// <param name="cells">Response-rate cells, e.g. from <see cref="Delivery.NpsResponseRates"/> by <paramref name="dimension"/>.</param>
    /// <param name="dimension">The coaching dimension (<c>agent</c> or <c>team</c>).</param>
    /// <returns>One entry per value, periods summed.</returns>
    public static IReadOnlyList<ResponseRateCounts> From(IEnumerable<Delivery.ResponseRateCell> cells, string dimension)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(dimension);
        var sums = new Dictionary<string, (long Sent, long Answered)>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            // Only the cells of this dimension (with or without their period), not the overall or period totals.
            if (!cell.Dimensions.TryGetValue(dimension, out var value) || cell.Dimensions.Count > (cell.Period is null ? 1 : 2)) continue;
            var (sent, answered) = sums.GetValueOrDefault(value);
            sums[value] = (sent + cell.Sent, answered + cell.Answered);
        }

        return [.. sums.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ResponseRateCounts(s.Key, s.Value.Sent, s.Value.Answered))];
    }
}
