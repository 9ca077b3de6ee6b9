namespace Nps.Fatigue;

/// <summary>What happened between the organisation and a customer, as far as survey fatigue is concerned.</summary>
public enum ContactKind
{
    /// <summary>A survey invitation was sent (or is scheduled at the record's time).</summary>
    Invitation = 0,

    /// <summary>The customer answered a survey.</summary>
    Response = 1,

    /// <summary>Someone contacted the customer about their feedback (closing the loop).</summary>
    FollowUp = 2,

    /// <summary>The customer opted out of surveys.</summary>
    OptOut = 3,

    /// <summary>The customer opted back in (cancels an earlier opt-out).</summary>
    OptIn = 4,

    /// <summary>
    /// A reminder of an unanswered invitation was sent. A contact of its own kind: it does not count against caps or the
    /// contact budget unless <see cref="FatigueOptions.CountRemindersAgainstCaps"/> says so.
    /// </summary>
    Reminder = 5,
}
