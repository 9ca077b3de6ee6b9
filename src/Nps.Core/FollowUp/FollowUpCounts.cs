namespace Nps.FollowUp;

/// <summary>
/// The follow-ups a <see cref="FollowUpCountQuery"/> selects, counted: one cell per status, category, contact and
/// due-time standing (in that order, none empty), and the median time from the response to the first contact. What
/// <see cref="IFollowUpStore.CountAsync"/> answers instead of the follow-ups themselves.
/// </summary>
public sealed record FollowUpCounts
{
    /// <summary>The moment the counts are judged at.</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>The cells, ordered by status, category, contacted, contacted late and due; none with a zero count.</summary>
    public IReadOnlyList<FollowUpCountCell> Cells { get; init; } = [];

    /// <summary>
    /// The median time from the response to the first contact over the contacted follow-ups (with an even number, the
    /// mean of the middle two, rounded toward the shorter); null when none was contacted.
    /// </summary>
    public TimeSpan? MedianTimeToFirstContact { get; init; }

    /// <summary>The follow-ups counted in the cells that match <paramref name="include"/>.</summary>
    /// <param name="include">Which cells.</param>
    /// <returns>The sum of their counts.</returns>
    public long Sum(Func<FollowUpCountCell, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        long sum = 0;
        foreach (var cell in Cells)
        {
            if (include(cell)) sum += cell.Count;
        }

        return sum;
    }

    /// <summary>Counts as a store reads them: cells in any order (merged when repeated, dropped when empty), put in order.</summary>
    /// <param name="asOf">The moment the counts are judged at.</param>
    /// <param name="cells">The cells.</param>
    /// <param name="medianTimeToFirstContact">The median time to first contact, or null when none was contacted.</param>
    /// <returns>The counts.</returns>
    public static FollowUpCounts From(DateTimeOffset asOf, IEnumerable<FollowUpCountCell> cells, TimeSpan? medianTimeToFirstContact)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var merged = cells.Where(c => c.Count != 0)
            .GroupBy(c => c with { Count = 0 })
            .Select(g => g.Key with { Count = g.Sum(c => c.Count) })
            .OrderBy(c => c.Status).ThenBy(c => c.Category).ThenBy(c => c.Contacted).ThenBy(c => c.ContactedLate).ThenBy(c => c.Due)
            .ToList();
        return new FollowUpCounts { AsOf = asOf, Cells = merged, MedianTimeToFirstContact = medianTimeToFirstContact };
    }

    /// <summary>Counts follow-ups in memory, as a store counts them.</summary>
    /// <param name="followUps">The follow-ups (of any team; those the query leaves out are skipped).</param>
    /// <param name="query">Which to count, and when.</param>
    /// <returns>The counts.</returns>
    public static FollowUpCounts Of(IEnumerable<FollowUpCase> followUps, FollowUpCountQuery query)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        ArgumentNullException.ThrowIfNull(query);
        var cells = new Dictionary<FollowUpCountCell, long>();
        var toFirstContact = new List<long>();
        foreach (var f in followUps)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(followUps));
            if (!query.Matches(f)) continue;
            var key = new FollowUpCountCell(f.Status, f.Category, f.ContactedAt is not null, f.ContactedAt is { } at && at > f.DueAt, query.AsOf > f.DueAt, 0);
            cells[key] = cells.GetValueOrDefault(key) + 1;
            if (f.ContactedAt is { } contacted) toFirstContact.Add(TimeToFirstContactTicks(f.RespondedAt, contacted));
        }

        TimeSpan? median = null;
        if (toFirstContact.Count > 0)
        {
            toFirstContact.Sort();
            var lower = (toFirstContact.Count - 1) / 2;
            median = Median(toFirstContact[lower], toFirstContact[toFirstContact.Count / 2]);
        }

        return From(query.AsOf, cells.Select(c => c.Key with { Count = c.Value }), median);
    }

    /// <summary>The ticks from the response to the first contact, as stores keep them to find the median.</summary>
    /// <param name="respondedAt">When the customer answered.</param>
    /// <param name="contactedAt">When the customer was first contacted.</param>
    /// <returns>The difference in ticks.</returns>
    public static long TimeToFirstContactTicks(DateTimeOffset respondedAt, DateTimeOffset contactedAt) => contactedAt.UtcTicks - respondedAt.UtcTicks;

    /// <summary>
    /// The median of sorted values from its middle two (the same value twice when their number is odd): the values at
    /// positions (n − 1) / 2 and n / 2, counted from 0.
    /// </summary>
    /// <param name="lowerMiddleTicks">The value at position (n − 1) / 2.</param>
    /// <param name="upperMiddleTicks">The value at position n / 2.</param>
    /// <returns>Their mean, rounded toward the lower.</returns>
    public static TimeSpan Median(long lowerMiddleTicks, long upperMiddleTicks) =>
        TimeSpan.FromTicks(lowerMiddleTicks + ((upperMiddleTicks - lowerMiddleTicks) / 2));
}
