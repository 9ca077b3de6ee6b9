namespace Nps.Delivery;

/// <summary>What an <see cref="IInvitationSender"/> reports for one message.</summary>
/// <param name="Outcome">Sent, or failed transiently or permanently.</param>
/// <param name="Reason">Why it failed (no personal data); <see langword="null"/> when sent.</param>
public readonly record struct InvitationSendResult(InvitationSendOutcome Outcome, string? Reason = null)
{
    /// <summary>The message was handed over.</summary>
    public static InvitationSendResult Sent => new(InvitationSendOutcome.Sent);

    /// <summary>A failure worth retrying (connection refused, 4xx SMTP reply).</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static InvitationSendResult Transient(string reason) => new(InvitationSendOutcome.Transient, reason);

    /// <summary>A failure that retrying will not fix (5xx SMTP reply, invalid address).</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static InvitationSendResult Permanent(string reason) => new(InvitationSendOutcome.Permanent, reason);
}

/// <summary>The outcome of sending one message.</summary>
public enum InvitationSendOutcome
{
    /// <summary>Handed over.</summary>
    Sent = 0,

    /// <summary>Failed; retry later.</summary>
    Transient = 1,

    /// <summary>Failed for good.</summary>
    Permanent = 2,
}
