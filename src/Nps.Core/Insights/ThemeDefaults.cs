namespace Nps.Insights;

/// <summary>
/// The built-in Dutch and English phrases. Chosen for precision over recall: ambiguous words are left out or
/// only used inside a phrase ("druk" is also "busy", so only "onder druk"; "kind" is also "kind of"; "kost" is
/// also "costs time"). A <c>*</c> catches Dutch compounds and inflections that start with the word
/// (wacht* → wachten, wachttijd); the matcher finds compounds that end with it (telefoonwachttijd), participles,
/// separable verbs and typos (see <see cref="ThemeMatcher"/>).
/// </summary>
internal static class ThemeDefaults
{
    public static Theme[] Create() =>
    [
        Theme("speed", "Speed / waiting time",
            en: ["wait*", "queue*", "slow*", "fast", "faster", "quick*", "speed*", "took ages", "took forever", "long time", "on hold", "hold time",
                "delay*", "prompt", "promptly", "immediately", "response time", "ages"],
            nl: ["wacht*", "snel*", "traag*", "langzaam*", "lang duren", "duurde lang", "duurt lang", "heel lang", "te lang", "vertraging*",
                "meteen", "gelijk geholpen", "in de wacht", "eeuwig*"]),
        Theme("resolution", "Correct answer / resolution",
            en: ["solved", "resolved", "solution*", "solve", "resolve", "fixed", "fix", "sorted", "answer*", "correct*", "incorrect*", "wrong",
                "knowledgeable", "knew what", "no idea", "clueless", "still not working", "problem solved"],
            nl: ["opgelost", "oplossing*", "oplossen", "antwoord*", "juist*", "correct*", "fout*", "verkeerd*", "deskundig*", "kundig*",
                "geen idee", "geen verstand", "werkt nog steeds niet", "geholpen", "verholpen"]),
        Theme("effort", "Ease / effort",
            en: ["easy", "easier", "easily", "effortless*", "effort*", "hassle*", "complicated", "difficult*", "hard to", "straightforward",
                "convenient*", "inconvenient*", "smooth*", "user friendly", "cumbersome", "simple"],
            nl: ["makkelijk*", "gemakkelijk*", "gemak*", "eenvoudig*", "simpel*", "moeite*", "moeilijk*", "ingewikkeld*", "omslachtig*",
                "gedoe", "soepel*", "gebruiksvriendelijk*", "lastig*", "rompslomp"]),
        Theme("friendliness", "Friendliness / empathy",
            en: ["friendly", "unfriendly", "polite*", "impolite*", "rude*", "patient", "patience", "impatient", "empath*", "listened", "listen*",
                "nice", "helpful", "unhelpful", "courteous", "attitude", "caring", "arrogant", "kindly", "kindness"],
            nl: ["vriendelijk*", "onvriendelijk*", "klantvriendelijk*", "aardig*", "beleefd*", "onbeleefd*", "onbeschoft*", "geduld*",
                "ongeduld*", "empathi*", "begrip*", "luister*", "behulpzaam*", "prettig*", "sympathiek*", "arrogant*", "netjes"]),
        Theme("transfer", "Being transferred",
            en: ["transfer*", "passed around", "passed on", "put through", "bounced", "another department", "different department",
                "someone else", "redirected", "handed over", "pillar to post"],
            nl: ["doorverbind*", "doorverbonden", "doorverw*", "doorgeschakeld", "doorgestuurd", "kastje naar de muur", "andere afdeling*",
                "van afdeling naar afdeling", "overgezet"]),
        Theme("commercial-pressure", "Commercial pressure / upselling",
            en: ["upsell*", "up sell*", "cross sell*", "sales pitch", "pushy", "tried to sell", "trying to sell", "sell me", "hard sell",
                "aggressive sales", "sales talk", "pressured", "pressure"],
            nl: ["upsell*", "verkooppraat*", "verkoopgesprek*", "verkooptruc*", "aansmeren", "aangesmeerd", "opdringerig*", "opgedrongen",
                "onder druk", "pushen", "pusherig*", "commercie*", "wilde me iets verkopen", "iets verkopen"]),
        Theme("price", "Price",
            en: ["price", "prices", "pricing", "priced", "overpriced", "expensive", "cheap", "cheaper", "cheapest", "cost", "costs", "costly",
                "fee", "fees", "charge", "charges", "charged", "value for money", "afford*", "rip off"],
            nl: ["prijs*", "prijzen", "prijzig*", "duur", "duurder", "duurste", "te duur", "goedkoop*", "goedkope", "kosten", "tarief*",
                "tarieven", "betaalbaar*", "onbetaalbaar*", "geldklopperij"]),
        Theme("follow-up", "Follow-up / callback",
            en: ["follow* up", "followed up", "call* back", "callback*", "never called", "no one called", "nobody called", "get back to me",
                "got back to me", "heard back", "never heard", "promised to call", "return call"],
            nl: ["terugbel*", "teruggebeld", "terug gebeld", "terug te bellen", "terug bellen", "nabellen", "nagebeld", "opvolg*", "opgevolgd",
                "terugkoppeling*", "teruggekoppeld", "niets meer gehoord", "niks meer gehoord", "nooit meer iets gehoord", "belt terug",
                "terugbelverzoek*"]),
    ];

    private static Theme Theme(string id, string name, string[] en, string[] nl) => new()
    {
        Id = id,
        Name = name,
        Keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["en"] = en, ["nl"] = nl },
    };
}
