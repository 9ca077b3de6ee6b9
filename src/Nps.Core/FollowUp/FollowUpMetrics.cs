namespace Nps.FollowUp;

/// <summary>How well the loop is closed: coverage of detractors, speed of first contact, and what is late.</summary>
public sealed record FollowUpMetrics
{
    /// <summary>The moment the figures hold for (overdue is judged at this time).</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>All follow-ups.</summary>
    public int Total { get; init; }

    /// <summary>Follow-ups still open.</summary>
    public int Open { get; init; }

    /// <summary>Follow-ups contacted and not yet closed.</summary>
    public int Contacted { get; init; }

    /// <summary>Follow-ups closed.</summary>
    public int Closed { get; init; }

    /// <summary>Follow-ups of detractor responses (whatever their reason).</summary>
    public int Detractors { get; init; }

    /// <summary>Detractor follow-ups that are contacted or closed.</summary>
    public int DetractorsFollowedUp { get; init; }

    /// <summary>The share of detractors followed up, in [0, 1]; null when there are none.</summary>
    public double? DetractorFollowUpShare => Detractors == 0 ? null : (double)DetractorsFollowedUp / Detractors;

    /// <summary>
    /// The median time from the response to the first contact, over follow-ups that were contacted (closed ones
    /// without contact do not count); null when none was. With an even number, the mean of the middle two.
    /// </summary>
    public TimeSpan? MedianTimeToFirstContact { get; init; }

    /// <summary>Follow-ups still open after their due time.</summary>
    public int Overdue { get; init; }

    /// <summary>Computes the metrics of a set of follow-ups.</summary>
    /// <param name="followUps">The follow-ups.</param>
    /// <param name="asOf">The moment to judge overdue at.</param>
    /// <returns>The metrics.</returns>
    public static FollowUpMetrics Compute(IEnumerable<FollowUpCase> followUps, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        int total = 0, open = 0, contacted = 0, closed = 0, detractors = 0, detractorsFollowedUp = 0, overdue = 0;
        var toFirstContact = new List<long>();
        foreach (var f in followUps)
        {
            ArgumentNullException.ThrowIfNull(f, nameof(followUps));
            total++;
            switch (f.Status)
            {
                case FollowUpStatus.Open: open++; break;
                case FollowUpStatus.Contacted: contacted++; break;
                default: closed++; break;
            }

            if (f.Category == NpsCategory.Detractor)
            {
                detractors++;
                if (f.Status != FollowUpStatus.Open) detractorsFollowedUp++;
            }

            if (f.ContactedAt is { } at) toFirstContact.Add((at - f.RespondedAt).Ticks);
            if (f.IsOverdue(asOf)) overdue++;
        }

        return new FollowUpMetrics
        {
            AsOf = asOf, Total = total, Open = open, Contacted = contacted, Closed = closed,
            Detractors = detractors, DetractorsFollowedUp = detractorsFollowedUp, Overdue = overdue,
            MedianTimeToFirstContact = Median(toFirstContact),
        };
    }

    private static TimeSpan? Median(List<long> ticks)
    {
        if (ticks.Count == 0) return null;
        ticks.Sort();
        var middle = ticks.Count / 2;
        return ticks.Count % 2 == 1
            ? TimeSpan.FromTicks(ticks[middle])
            : TimeSpan.FromTicks(ticks[middle - 1] + ((ticks[middle] - ticks[middle - 1]) / 2));
    }
}
