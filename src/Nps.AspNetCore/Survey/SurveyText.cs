namespace Nps.AspNetCore.Survey;

/// <summary>The page's words in one language (Dutch and English; English stands in for any other).</summary>
internal sealed record SurveyText
{
    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string AskedBy { get; init; }

    public required string Question { get; init; }

    public required string Low { get; init; }

    public required string High { get; init; }

    public required string Comment { get; init; }

    public required string CommentHint { get; init; }

    public required string Callback { get; init; }

    public required string Optional { get; init; }

    public required string Send { get; init; }

    public required string ChooseScore { get; init; }

    public required string TooLong { get; init; }

    public required string NotAChoice { get; init; }

    public required string FormExpired { get; init; }

    public required string ThanksTitle { get; init; }

    public required string Thanks { get; init; }

    public required string ThanksCallback { get; init; }

    public required string AnsweredTitle { get; init; }

    public required string Answered { get; init; }

    public required string NotFoundTitle { get; init; }

    public required string NotFound { get; init; }

    public required string ExpiredTitle { get; init; }

    public required string Expired { get; init; }

    public required string ClosedTitle { get; init; }

    public required string Closed { get; init; }

    public required string UnsubscribeTitle { get; init; }

    public required string UnsubscribeAsk { get; init; }

    public required string UnsubscribeButton { get; init; }

    public required string UnsubscribedTitle { get; init; }

    public required string Unsubscribed { get; init; }

    public required string UnsubscribeLink { get; init; }

    public required string TooManyTitle { get; init; }

    public required string TooMany { get; init; }

    public static SurveyText Dutch { get; } = new()
    {
        Language = "nl",
        Title = "Uw mening",
        AskedBy = "Vraag van {0}",
        Question = "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?",
        Low = "0 = helemaal niet waarschijnlijk",
        High = "10 = zeer waarschijnlijk",
        Comment = "Wat is de belangrijkste reden voor uw score?",
        CommentHint = "Niet verplicht. Vermeld liever geen gegevens van anderen.",
        Callback = "Bel mij terug over mijn ervaring",
        Optional = "niet verplicht",
        Send = "Versturen",
        ChooseScore = "Kies een score van 0 tot en met 10.",
        TooLong = "Deze tekst is te lang (ten hoogste {0} tekens).",
        NotAChoice = "Kies een van de antwoorden.",
        FormExpired = "Het formulier is verlopen. Verstuur het nog een keer.",
        ThanksTitle = "Bedankt",
        Thanks = "Bedankt voor uw antwoord. We lezen elke reactie.",
        ThanksCallback = "U vroeg om teruggebeld te worden: we nemen contact met u op.",
        AnsweredTitle = "Al beantwoord",
        Answered = "Deze vragenlijst is al beantwoord. Bedankt!",
        NotFoundTitle = "Link niet gevonden",
        NotFound = "Deze link is niet (meer) geldig. Controleer of u de hele link uit het bericht hebt gebruikt.",
        ExpiredTitle = "Link verlopen",
        Expired = "Deze vragenlijst kan niet meer worden ingevuld: de link is verlopen.",
        ClosedTitle = "Gesloten",
        Closed = "Deze vragenlijst kan niet meer worden ingevuld.",
        UnsubscribeTitle = "Afmelden",
        UnsubscribeAsk = "Wilt u geen vragenlijsten meer van ons ontvangen?",
        UnsubscribeButton = "Afmelden",
        UnsubscribedTitle = "Afgemeld",
        Unsubscribed = "U bent afgemeld. U ontvangt geen vragenlijsten meer van ons.",
        UnsubscribeLink = "Geen vragenlijsten meer ontvangen",
        TooManyTitle = "Even geduld",
        TooMany = "Er komen te veel verzoeken binnen. Probeer het over een minuut opnieuw.",
    };

    public static SurveyText English { get; } = new()
    {
        Language = "en",
        Title = "Your opinion",
        AskedBy = "A question from {0}",
        Question = "How likely is it that you would recommend us to a friend or colleague?",
        Low = "0 = not at all likely",
        High = "10 = extremely likely",
        Comment = "What is the most important reason for your score?",
        CommentHint = "Optional. Please leave out other people's details.",
        Callback = "Please call me back about my experience",
        Optional = "optional",
        Send = "Send",
        ChooseScore = "Choose a score from 0 to 10.",
        TooLong = "This text is too long (at most {0} characters).",
        NotAChoice = "Choose one of the answers.",
        FormExpired = "The form expired. Please send it again.",
        ThanksTitle = "Thank you",
        Thanks = "Thank you for your answer. We read every response.",
        ThanksCallback = "You asked to be called back: we will get in touch.",
        AnsweredTitle = "Already answered",
        Answered = "This survey has already been answered. Thank you!",
        NotFoundTitle = "Link not found",
        NotFound = "This link is not valid. Please check that you used the whole link from the message.",
        ExpiredTitle = "Link expired",
        Expired = "This survey can no longer be answered: the link has expired.",
        ClosedTitle = "Closed",
        Closed = "This survey can no longer be answered.",
        UnsubscribeTitle = "Unsubscribe",
        UnsubscribeAsk = "Do you no longer want to receive our surveys?",
        UnsubscribeButton = "Unsubscribe",
        UnsubscribedTitle = "Unsubscribed",
        Unsubscribed = "You are unsubscribed. You will receive no more surveys from us.",
        UnsubscribeLink = "Receive no more surveys",
        TooManyTitle = "Please wait",
        TooMany = "Too many requests. Please try again in a minute.",
    };

    /// <summary>
    /// The language of a page: the invitation's locale when known (the one its message was written in), then the
    /// first of <c>Accept-Language</c> (by quality) that the page speaks, then English.
    /// </summary>
    public static SurveyText For(string? locale, IList<Microsoft.Net.Http.Headers.StringWithQualityHeaderValue> acceptLanguage)
    {
        if (Match(locale) is { } chosen) return chosen;
        foreach (var language in acceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            if (language.Quality is 0) continue;
            if (Match(language.Value.Value) is { } accepted) return accepted;
        }

        return English;
    }

    private static SurveyText? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Split('-', '_')[0];
        if (primary.Equals("nl", StringComparison.OrdinalIgnoreCase)) return Dutch;
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase)) return English;
        return null;
    }
}
