namespace Nps.Delivery;

/// <summary>A rendered survey message, ready for an <see cref="IInvitationSender"/>.</summary>
/// <param name="MessageId">The <c>Message-ID</c> (with angle brackets), derived from the invitation id and the attempt: a resend is the same message.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject.</param>
/// <param name="HtmlBody">The HTML part.</param>
/// <param name="TextBody">The plain-text part.</param>
/// <param name="Headers">Further headers: <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>.</param>
/// <param name="Locale">The language it was rendered in (<c>nl</c> or <c>en</c>).</param>
public sealed record InvitationMessage(string MessageId, string To, string Subject, string HtmlBody, string TextBody,
    IReadOnlyDictionary<string, string> Headers, string Locale);
