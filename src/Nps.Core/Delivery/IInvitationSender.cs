namespace Nps.Delivery;

/// <summary>
/// Hands a rendered message to a mail system (the hosting package ships one on MailKit). Delivery is at least once:
/// after a crash the same message (same <c>Message-ID</c>) may be handed over again, never a different one.
/// </summary>
public interface IInvitationSender
{
    /// <summary>Sends one message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels sending.</param>
    /// <returns>Sent, or a transient or permanent failure; exceptions count as transient failures.</returns>
    ValueTask<InvitationSendResult> SendAsync(InvitationMessage message, CancellationToken cancellationToken = default);
}
