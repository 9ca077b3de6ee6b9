namespace Nps.FollowUp;

/// <summary>
/// How well the loop is closed, counted honestly: a follow-up counts as followed up only when the customer was
/// contacted (closing without contact is its own outcome), the share contacted within the SLA, and every late
/// contact counted as a breach.
/// </summary>
/// <remarks>
/// <para>Each follow-up ends up in one of four outcomes as of <see cref="AsOf"/>: contacted within its SLA
/// (first contact at or before its due time), contacted late, not contacted although due (still open past its due
/// time, or closed without contact), or pending (open and not yet due, so nothing is decided). A breach is a
/// follow-up whose due time passed without a contact by then: contacted late, overdue, or closed without contact
/// once due.</para>
/// <para><see cref="WithinSlaShare"/> leaves the pending ones out: they may still be contacted in time.</para>
/// </remarks>
public sealed record FollowUpMetrics
{
    /// <summary>The moment the figures hold for (overdue is judged at this time).</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>All follow-ups.</summary>
    public int Total { get; init; }

    /// <summary>Follow-ups still open (not contacted, not closed).</summary>
    public int Open { get; init; }

    /// <summary>Follow-ups in status Contacted: contacted and not yet closed.</summary>
    public int Contacted { get; init; }

    /// <summary>Follow-ups closed, with or without contact (<see cref="ClosedWithoutContact"/> of them without).</summary>
    public int Closed { get; init; }

    /// <summary>Follow-ups closed without the customer ever being contacted (unreachable, wrong number, …): not followed up.</summary>
    public int ClosedWithoutContact { get; init; }

    /// <summary>Follow-ups whose customer was contacted (status Contacted, or closed after a contact).</summary>
    public int Reached { get; init; }

    /// <summary>Follow-ups contacted at or before their due time.</summary>
    public int ContactedWithinSla { get; init; }

    /// <summary>Follow-ups contacted after their due time (each one a breach).</summary>
    public int ContactedLate { get; init; }

    /// <summary>Follow-ups still open and not yet due: their outcome is not decided.</summary>
    public int Pending { get; init; }

    /// <summary>
    /// The share of decided follow-ups (all but <see cref="Pending"/>) contacted within the SLA, in [0, 1]; null
    /// when none is decided. Closed without contact and overdue ones count against it.
    /// </summary>
    public double? WithinSlaShare => Total - Pending == 0 ? null : (double)ContactedWithinSla / (Total - Pending);

    /// <summary>
    /// Follow-ups whose due time passed without a contact by then: contacted late, still open past due
    /// (<see cref="Overdue"/>), or closed without contact once due.
    /// </summary>
    public int SlaBreaches { get; init; }

    /// <summary>Follow-ups of detractor responses (whatever their reason).</summary>
    public int Detractors { get; init; }

    /// <summary>
    /// Detractor follow-ups whose customer was contacted. (Before, closing without contact counted here too; it no
    /// longer does: see <see cref="DetractorsClosedWithoutContact"/>.)
    /// </summary>
    public int DetractorsFollowedUp { get; init; }

    /// <summary>Detractor follow-ups closed without contact.</summary>
    public int DetractorsClosedWithoutContact { get; init; }

    /// <summary>The share of detractors contacted, in [0, 1]; null when there are none.</summary>
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
    /// <param name="asOf">The moment to judge overdue and pending at.</param>
    /// <returns>The metrics.</returns>
    public static FollowUpMetrics Compute(IEnumerable<FollowUpCase> followUps, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        int total = 0, open = 0, contacted = 0, closed = 0, closedWithoutContact = 0, reached = 0, withinSla = 0, late = 0, pending = 0;
        int breaches = 0, detractors = 0, detractorsFollowedUp = 0, detractorsClosedWithoutContact = 0, overdue = 0;
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

            var isDetractor = f.Category == NpsCategory.Detractor;
            if (isDetractor) detractors++;
            if (f.ContactedAt is { } at)
            {
                reached++;
                toFirstContact.Add((at - f.RespondedAt).Ticks);
                if (isDetractor) detractorsFollowedUp++;
                if (at <= f.DueAt) withinSla++;
                else
                {
                    late++;
                    breaches++;
                }
            }
            else if (f.Status == FollowUpStatus.Closed)
            {
                closedWithoutContact++;
                if (isDetractor) detractorsClosedWithoutContact++;
                if (asOf > f.DueAt) breaches++;
            }
            else if (f.IsOverdue(asOf))
            {
                overdue++;
                breaches++;
            }
            else
            {
                pending++;
            }
        }

        return new FollowUpMetrics
        {
            AsOf = asOf, Total = total, Open = open, Contacted = contacted, Closed = closed, ClosedWithoutContact = closedWithoutContact,
            Reached = reached, ContactedWithinSla = withinSla, ContactedLate = late, Pending = pending, SlaBreaches = breaches,
            Detractors = detractors, DetractorsFollowedUp = detractorsFollowedUp, DetractorsClosedWithoutContact = detractorsClosedWithoutContact,
            Overdue = overdue, MedianTimeToFirstContact = Median(toFirstContact),
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
