using System.Globalization;
using System.Net;
using System.Text;

namespace Nps.Delivery;

/// <summary>
/// Renders the survey e-mail in Dutch or English (by the recipient's locale): a subject, an HTML and a plain-text part
/// with the question, the 11 one-click score links (<c>/s/{token}?score=N</c>, which only preselect: the page records
/// nothing on a GET) and the unsubscribe link (<c>/s/{token}/unsubscribe</c>), the <c>List-Unsubscribe</c> and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> headers (RFC 8058), and a <c>Message-ID</c> derived from the
/// invitation id and the attempt, so a resend after a crash is the same message.
/// </summary>
public sealed class InvitationMessageRenderer
{
    private readonly InvitationMessageOptions _options;
    private readonly string _domain;

    /// <summary>Creates the renderer.</summary>
    /// <param name="options">The message options.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public InvitationMessageRenderer(InvitationMessageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        _options = options;
        _domain = options.MessageIdDomain ?? options.BaseUrl.Host;
    }

    /// <summary>The survey page's address for a token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The absolute address.</returns>
    public Uri SurveyLink(string token) => new(_options.BaseUrl, "s/" + Uri.EscapeDataString(token));

    /// <summary>The unsubscribe address for a token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The absolute address.</returns>
    public Uri UnsubscribeLink(string token) => new(_options.BaseUrl, "s/" + Uri.EscapeDataString(token) + "/unsubscribe");

    /// <summary>The <c>Message-ID</c> of an attempt: <c>&lt;{invitation id}.{attempt}@{domain}&gt;</c>.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The id.</returns>
    public string MessageId(InvitationClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return $"<{claim.Invitation.Id}.{claim.AttemptName}@{_domain}>";
    }

    /// <summary>Renders the message for a claim.</summary>
    /// <param name="claim">The invitation and attempt.</param>
    /// <param name="recipient">The recipient (address and locale).</param>
    /// <param name="token">The invitation's token (<see cref="SurveyTokens.Create"/>).</param>
    /// <returns>The message.</returns>
    public InvitationMessage Render(InvitationClaim claim, Recipient recipient, string token)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var dutch = recipient.Locale is { } locale && (locale.Equals("nl", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("nl-", StringComparison.OrdinalIgnoreCase));
        var t = dutch ? Texts.Dutch : Texts.English;
        var reminder = claim.Attempt == OutboxAttempt.Reminder;
        var org = _options.OrganisationName;
        var subject = (reminder ? t.ReminderPrefix : "") + string.Format(CultureInfo.InvariantCulture, t.Subject, org);
        var question = string.Format(CultureInfo.InvariantCulture, t.Question, org);
        var survey = SurveyLink(token).AbsoluteUri;
        var unsubscribe = UnsubscribeLink(token).AbsoluteUri;

        var text = new StringBuilder()
            .AppendLine(reminder ? t.ReminderIntro : t.Intro).AppendLine()
            .AppendLine(question).AppendLine()
            .Append("0 = ").Append(t.Low).Append(", 10 = ").AppendLine(t.High);
        for (var score = 0; score <= 10; score++) text.Append(score.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(survey).Append("?score=").AppendLine(score.ToString(CultureInfo.InvariantCulture));
        text.AppendLine().AppendLine(t.Unsubscribe).AppendLine(unsubscribe);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(dutch ? "nl" : "en").Append("\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head><body>")
            .Append("<p>").Append(Encode(reminder ? t.ReminderIntro : t.Intro)).Append("</p>")
            .Append("<p><strong>").Append(Encode(question)).Append("</strong></p><table role=\"presentation\"><tr>");
        for (var score = 0; score <= 10; score++)
        {
            var n = score.ToString(CultureInfo.InvariantCulture);
            html.Append("<td><a href=\"").Append(Encode(survey)).Append("?score=").Append(n).Append("\" aria-label=\"").Append(n).Append("\">").Append(n).Append("</a></td>");
        }

        html.Append("</tr></table><p>0 = ").Append(Encode(t.Low)).Append(", 10 = ").Append(Encode(t.High)).Append("</p>")
            .Append("<p><a href=\"").Append(Encode(unsubscribe)).Append("\">").Append(Encode(t.Unsubscribe)).Append("</a></p></body></html>");

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["List-Unsubscribe"] = "<" + unsubscribe + ">",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new InvitationMessage(MessageId(claim), recipient.Address, subject, html.ToString(), text.ToString(), headers, dutch ? "nl" : "en");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private sealed record Texts(string Subject, string ReminderPrefix, string Intro, string ReminderIntro, string Question, string Low, string High, string Unsubscribe)
    {
        public static readonly Texts English = new(
            "How did we do? Your opinion about {0}",
            "Reminder: ",
            "Thank you for your recent contact with us. Would you answer one question?",
            "A few days ago we asked for your opinion. If you have a moment, we would still like to hear it.",
            "How likely are you to recommend {0} to a friend or colleague?",
            "not at all likely", "extremely likely",
            "No more surveys? Unsubscribe");

        public static readonly Texts Dutch = new(
            "Hoe deden we het? Uw mening over {0}",
            "Herinnering: ",
            "Bedankt voor uw recente contact met ons. Wilt u één vraag beantwoorden?",
            "Een paar dagen geleden vroegen we om uw mening. Als u even tijd heeft, horen we die nog graag.",
            "Hoe waarschijnlijk is het dat u {0} aanbeveelt aan vrienden of collega's?",
            "zeer onwaarschijnlijk", "zeer waarschijnlijk",
            "Geen enquêtes meer? Afmelden");
    }
}
