namespace Nps.Segmentation;

/// <summary>
/// Counts of the responses whose local day in a zone lies in [first, last]: when both bounds are clean local
/// midnights (not skipped nor repeated by a clock change) the source counts the instant range between them
/// directly; otherwise it counts a day wider on each side by local day and keeps the rows of the days asked for, so
/// the days are exactly those <see cref="TimeBucket.LocalDate"/> gives in every zone.
/// </summary>
internal static class LocalDayCounts
{
    /// <summary>The rows of the responses of local days [first, last], grouped by the dimensions (and by day when <paramref name="byDay"/>).</summary>
    /// <param name="source">The count source.</param>
    /// <param name="dimensions">The dimensions to group by.</param>
    /// <param name="first">The first local day.</param>
    /// <param name="last">The last local day (included).</param>
    /// <param name="zone">The zone of the local days.</param>
    /// <param name="byDay">Group by local day too (each row's <see cref="NpsCountRow.Period"/> is its day); otherwise rows may carry a day or none.</param>
    /// <param name="filter">Only the responses with these values of one of the dimensions, or null for all.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The rows.</returns>
    public static async IAsyncEnumerable<NpsCountRow> CountAsync(INpsCountSource source, IReadOnlyList<string> dimensions, DateOnly first, DateOnly last,
        TimeZoneInfo zone, bool byDay, NpsDimensionFilter? filter = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (last < first) yield break;
        var clean = !byDay && Clean(first, zone) && Clean(last.AddDays(1), zone);
        var query = clean
            ? new NpsCountQuery { Dimensions = dimensions, TimeZone = zone, From = Midnight(first, zone), To = Midnight(last.AddDays(1), zone), Filter = filter }
            : new NpsCountQuery
            {
                Dimensions = dimensions, Period = Period.Day, TimeZone = zone, Filter = filter,
                From = first > DateOnly.MinValue ? Midnight(first.AddDays(-1), zone) : null,
                To = last < DateOnly.MaxValue.AddDays(-1) ? Midnight(last.AddDays(2), zone) : null,
            };
        await foreach (var row in source.CountAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (row.DimensionValues.Count != dimensions.Count)
            {
                throw new ArgumentException("The count source returned a row that does not fit the query's dimensions.", nameof(source));
            }

            if (!clean && (row.Period is not { Period: Period.Day } day || day.Start < first || day.Start > last))
            {
                if (row.Period is not { Period: Period.Day }) throw new ArgumentException("The count source returned a row without its day.", nameof(source));
                continue;
            }

            yield return row;
        }
    }

    /// <summary>
    /// The instants that hold local days [first, last]: exactly [midnight of first, midnight after last) when both
    /// are clean midnights, else a day wider on each side (<c>Exact</c> false: filter by <see cref="TimeBucket.LocalDate"/>).
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To, bool Exact) Range(DateOnly first, DateOnly last, TimeZoneInfo zone)
    {
        if (Clean(first, zone) && Clean(last.AddDays(1), zone)) return (Midnight(first, zone), Midnight(last.AddDays(1), zone), true);
        return (Midnight(first.AddDays(-1), zone), Midnight(last.AddDays(2), zone), false);
    }

    /// <summary>
    /// The stored spellings of a dimension's value that equal <paramref name="value"/> ignoring case, among the
    /// responses of local days [first, last] and perhaps a day either side: counted by UTC day over the widest local
    /// range (the daily rollups alone serve it), so a filter on them keeps exactly the responses a comparison
    /// ignoring case keeps.
    /// </summary>
    /// <param name="source">The count source.</param>
    /// <param name="dimension">The dimension.</param>
    /// <param name="value">The value, compared ignoring case (ordinal).</param>
    /// <param name="first">The first local day.</param>
    /// <param name="last">The last local day (included).</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The spellings, in ordinal order; empty when no response has one.</returns>
    public static async Task<IReadOnlyList<string>> SpellingsAsync(INpsCountSource source, string dimension, string value, DateOnly first, DateOnly last,
        CancellationToken cancellationToken = default)
    {
        var spellings = new SortedSet<string>(StringComparer.Ordinal);
        if (last < first) return [];

        // Every zone is within a day of UTC, so UTC days [first - 1, last + 1] hold every local day of [first, last].
        var query = new NpsCountQuery
        {
            Dimensions = [dimension],
            From = first > DateOnly.MinValue ? UtcMidnight(first.AddDays(-1)) : null,
            To = last < DateOnly.MaxValue.AddDays(-1) ? UtcMidnight(last.AddDays(2)) : null,
        };
        await foreach (var row in source.CountAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (row.DimensionValues.Count != 1) throw new ArgumentException("The count source returned a row that does not fit the query's dimensions.", nameof(source));
            if (row.DimensionValues[0] is { } stored && string.Equals(stored, value, StringComparison.OrdinalIgnoreCase)) spellings.Add(stored);
        }

        return [.. spellings];
    }

    private static DateTimeOffset UtcMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone) => TimeBucket.Containing(day, Period.Day).GetStartInstant(zone);

    private static bool Clean(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return zone == TimeZoneInfo.Utc || !(zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local) || zone.IsAmbiguousTime(local.AddTicks(-1)));
    }
}
