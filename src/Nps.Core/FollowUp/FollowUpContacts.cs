using Nps.Fatigue;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.FollowUp;

/// <summary>
/// Marks a follow-up contact for the survey program, so that closing the loop never triggers a new survey:
/// the touchpoint event carries <see cref="TouchpointEvent.IsFollowUp"/> (the <c>follow-up-contact</c> rule
/// suppresses it) and the ledger records a <see cref="ContactKind.FollowUp"/> (which the
/// <c>cooldown-after-follow-up</c> rule counts).
/// </summary>
public static class FollowUpContacts
{
    /// <summary>The touchpoint name of a follow-up contact.</summary>
    public const string Touchpoint = "follow-up";

    /// <summary>
    /// The touchpoint event of a follow-up contact, flagged as a follow-up. Pass it to
    /// <see cref="SurveyProgram.DecideAsync"/> like any other contact: it is suppressed by the follow-up rule.
    /// </summary>
    /// <param name="followUp">The follow-up.</param>
    /// <param name="at">When the contact happened.</param>
    /// <param name="channel">The channel used (e.g. <c>phone</c>), if known.</param>
    /// <returns>The event; its id is the follow-up id plus <c>/contact</c>.</returns>
    public static TouchpointEvent ToTouchpointEvent(FollowUpCase followUp, DateTimeOffset at, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new TouchpointEvent
        {
            CustomerId = followUp.CustomerId,
            EventId = followUp.Id + "/contact",
            OccurredAt = at,
            Kind = SurveyKind.Transactional,
            Touchpoint = Touchpoint,
            Channel = channel,
            Team = followUp.OwnerTeam,
            Agent = followUp.OwnerAgent,
            IsFollowUp = true,
        };
    }

    /// <summary>The contact-ledger record of a follow-up contact.</summary>
    /// <param name="at">When the contact happened.</param>
    /// <returns>A <see cref="ContactKind.FollowUp"/> record.</returns>
    public static ContactRecord ToLedgerRecord(DateTimeOffset at) => ContactRecord.Create(ContactKind.FollowUp, at);
}
