namespace Nps.Delivery;

/// <summary>
/// An invitation the outbox claimed for sending: no other claimer gets it until <see cref="ClaimedUntil"/> (after
/// which a crashed sender's work is claimed again, and sent again with the same <c>Message-ID</c>).
/// </summary>
/// <param name="Invitation">The invitation as it was claimed.</param>
/// <param name="Attempt">Whether the invitation or a reminder is due.</param>
/// <param name="Number">The reminder's number (1 for the first); 0 for the invitation.</param>
/// <param name="ClaimedUntil">When the claim lapses.</param>
public sealed record InvitationClaim(SurveyInvitation Invitation, OutboxAttempt Attempt, int Number, DateTimeOffset ClaimedUntil)
{
    /// <summary>The attempt's stable name, used in the <c>Message-ID</c>: <c>invitation</c>, <c>reminder-1</c>, …</summary>
    public string AttemptName => Attempt == OutboxAttempt.Invitation ? "invitation" : $"reminder-{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The claim of an invitation due now, the same in every store: its send while scheduled, else its next reminder.</summary>
    /// <param name="invitation">The claimed invitation.</param>
    /// <param name="claimedUntil">When the claim lapses.</param>
    /// <returns>The claim.</returns>
    public static InvitationClaim For(SurveyInvitation invitation, DateTimeOffset claimedUntil)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.Status == InvitationStatus.Scheduled
            ? new InvitationClaim(invitation, OutboxAttempt.Invitation, 0, claimedUntil)
            : new InvitationClaim(invitation, OutboxAttempt.Reminder, invitation.Reminders + 1, claimedUntil);
    }
}
