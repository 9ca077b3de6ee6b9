namespace Nps.Delivery;

/// <summary>What one pass of the <see cref="OutboxDispatcher"/> did.</summary>
/// <param name="Claimed">Invitations and reminders claimed.</param>
/// <param name="Sent">Messages handed to the sender and marked sent.</param>
/// <param name="Deferred">Put back for later: a transient failure (retried with back-off) or quiet hours.</param>
/// <param name="Failed">Ended with a reason: no address, a permanent failure, too many attempts, an opt-out before a reminder.</param>
public readonly record struct OutboxPassResult(int Claimed, int Sent, int Deferred, int Failed)
{
    /// <summary>Sent invitations whose link expired unanswered, marked <see cref="InvitationStatus.Expired"/> by this pass.</summary>
    public int Expired { get; init; }
}
