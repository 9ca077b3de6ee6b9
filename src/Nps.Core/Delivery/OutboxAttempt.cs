namespace Nps.Delivery;

/// <summary>What the outbox sends for an invitation: the invitation itself or a reminder.</summary>
public enum OutboxAttempt
{
    /// <summary>The invitation message.</summary>
    Invitation = 0,

    /// <summary>A reminder of an unanswered invitation.</summary>
    Reminder = 1,
}
