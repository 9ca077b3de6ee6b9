namespace Nps.Fatigue;

/// <summary>
/// One contact in a customer's ledger with what is known beyond its packed <see cref="ContactRecord"/>: for an
/// invitation decided by the survey program, the event it was for and the probability with which it was selected.
/// </summary>
/// <param name="Record">The contact (kind, time, survey kind, manual flag).</param>
/// <param name="EventId">The touchpoint event an invitation was decided for; <see langword="null"/> for other contacts
/// or when unknown. A sampled invitation's id is its event id (one invitation per customer and event).</param>
/// <param name="InclusionProbability">The probability with which an invitation was selected, in (0, 1];
/// <see langword="null"/> for other contacts or when unknown.</param>
public sealed record LedgerEntry(ContactRecord Record, string? EventId = null, double? InclusionProbability = null)
{
    /// <summary>Whether this entry is the invitation for <paramref name="eventId"/>.</summary>
    /// <param name="eventId">An event id (or invitation id).</param>
    /// <returns>Whether it is an invitation with that event id.</returns>
    public bool IsInvitationFor(string eventId) =>
        Record.Kind == ContactKind.Invitation && string.Equals(EventId, eventId, StringComparison.Ordinal);
}
