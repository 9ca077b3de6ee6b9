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
        return From(FollowUpCounts.Of(followUps, new FollowUpCountQuery { AsOf = asOf }));
    }

    /// <summary>The metrics from counts (<see cref="IFollowUpStore.CountAsync"/>): the same as <see cref="Compute"/> over the follow-ups counted.</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>The metrics, as of the counts' moment.</returns>
    public static FollowUpMetrics From(FollowUpCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var closedWithoutContact = counts.Sum(c => !c.Contacted && c.Status == FollowUpStatus.Closed);
        var overdue = counts.Sum(c => !c.Contacted && c.Status == FollowUpStatus.Open && c.Due);
        var late = counts.Sum(c => c.Contacted && c.ContactedLate);
        return new FollowUpMetrics
        {
            AsOf = counts.AsOf,
            Total = Int(counts.Sum(_ => true)),
            Open = Int(counts.Sum(c => c.Status == FollowUpStatus.Open)),
            Contacted = Int(counts.Sum(c => c.Status == FollowUpStatus.Contacted)),
            Closed = Int(counts.Sum(c => c.Status == FollowUpStatus.Closed)),
            ClosedWithoutContact = Int(closedWithoutContact),
            Reached = Int(counts.Sum(c => c.Contacted)),
            ContactedWithinSla = Int(counts.Sum(c => c.Contacted && !c.ContactedLate)),
            ContactedLate = Int(late),
            Pending = Int(counts.Sum(c => !c.Contacted && c.Status != FollowUpStatus.Closed && !(c.Status == FollowUpStatus.Open && c.Due))),
            SlaBreaches = Int(late + overdue + counts.Sum(c => !c.Contacted && c.Status == FollowUpStatus.Closed && c.Due)),
            Detractors = Int(counts.Sum(c => c.Category == NpsCategory.Detractor)),
            DetractorsFollowedUp = Int(counts.Sum(c => c.Category == NpsCategory.Detractor && c.Contacted)),
            DetractorsClosedWithoutContact = Int(counts.Sum(c => c.Category == NpsCategory.Detractor && !c.Contacted && c.Status == FollowUpStatus.Closed)),
            Overdue = Int(overdue),
            MedianTimeToFirstContact = counts.MedianTimeToFirstContact,
        };
    }

    private static int Int(long count) => checked((int)count);
}
