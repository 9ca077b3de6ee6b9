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
        // Only the cells of this dimension (with or without their period), not the overall or period totals.
        return Sum(cells.Where(c => c.Dimensions.ContainsKey(dimension) && c.Dimensions.Count <= (c.Period is null ? 1 : 2))
            .Select(c => (c.Dimensions[dimension], c.Sent, c.Answered)));
    }

    /// <summary>
    /// Each value's invitations over the coaching window, counted in the store (<see cref="Delivery.IInvitationStore.CountSentAsync"/>):
    /// by <see cref="CoachingSignalOptions.Dimension"/> and <see cref="CoachingSignalOptions.Period"/> in its time zone, over
    /// the last <see cref="CoachingSignalOptions.WindowPeriods"/> periods up to the latest one with a sent invitation.
    /// Manual invitations and invitations without the dimension are left out, as the signals leave out manual sends.
    /// </summary>
    /// <param name="store">Where the invitations are.</param>
    /// <param name="options">The coaching options.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>One entry per value, ordered by value; empty when no invitation was sent.</returns>
    public static async Task<IReadOnlyList<ResponseRateCounts>> CountAsync(Delivery.IInvitationStore store, CoachingSignalOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        var query = new Segmentation.NpsCountQuery { Dimensions = [options.Dimension], Period = options.Period, TimeZone = options.TimeZone };
        var rows = new List<Delivery.ResponseRateCountRow>();
        await foreach (var row in store.CountSentAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (!row.IsManual && row.Sent > 0 && row.Period is not null && row.DimensionValues[0] is not null) rows.Add(row);
        }

        if (rows.Count == 0) return [];
        var first = rows.Max(r => r.Period!.Value);
        for (var i = 1; i < options.WindowPeriods; i++) first = first.Previous;
        return Sum(rows.Where(r => r.Period!.Value >= first).Select(r => (r.DimensionValues[0]!, r.Sent, r.Answered)));
    }

    /// <summary>The counts summed per value, ordered by value.</summary>
    private static IReadOnlyList<ResponseRateCounts> Sum(IEnumerable<(string Value, long Sent, long Answered)> counts)
    {
        var sums = new Dictionary<string, (long Sent, long Answered)>(StringComparer.Ordinal);
        foreach (var (value, sent, answered) in counts)
        {
            var (s, a) = sums.GetValueOrDefault(value);
            sums[value] = (s + sent, a + answered);
        }

        return [.. sums.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ResponseRateCounts(s.Key, s.Value.Sent, s.Value.Answered))];
    }
}
