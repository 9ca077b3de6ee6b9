namespace Nps.Delivery;

/// <summary>
/// Where an invitation stands; on the wire as kebab names (<c>scheduled</c>, <c>sent</c>, <c>answered</c>,
/// <c>expired</c>, <c>bounced</c>, <c>failed</c>, <c>opted-out</c>, see <see cref="Serialization.WireNames"/>).
/// </summary>
public enum InvitationStatus
{
    /// <summary>Decided and waiting in the outbox for its send time.</summary>
    Scheduled = 0,

    /// <summary>Handed to the sender; its link works until it expires.</summary>
    Sent = 1,

    /// <summary>Answered (once; the link takes no second answer).</summary>
    Answered = 2,

    /// <summary>Sent and not answered before its expiry.</summary>
    Expired = 3,

    /// <summary>The message bounced.</summary>
    Bounced = 4,

    /// <summary>Sending failed permanently (see <see cref="SurveyInvitation.FailureReason"/>).</summary>
    Failed = 5,

    /// <summary>The customer opted out through this invitation (or complained about it).</summary>
    OptedOut = 6,
}
