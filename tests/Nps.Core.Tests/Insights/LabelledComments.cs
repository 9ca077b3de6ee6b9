namespace Nps.Tests.Insights;

/// <summary>
/// A hand-labelled set of customer comments, Dutch and English, for measuring the default taxonomy. Written the way
/// customers write (typos, compounds, separable verbs, negations, several themes at once, and comments about nothing
/// in the taxonomy), and labelled by what each comment is about before the matcher was tuned: a negated mention
/// ("niet vriendelijk") is still about friendliness. Do not change a label to make the matcher look better.
/// </summary>
/// <remarks>
/// Theme ids: speed, resolution, effort, friendliness, transfer, commercial-pressure, price, follow-up. An empty
/// label list means the comment mentions none of them.
/// </remarks>
internal static class LabelledComments
{
    public static readonly (string Comment, string[] Themes)[] All =
    [
        // Dutch: speed
        ("Telefoonwachttijd was echt belachelijk, 45 minuten!", ["speed"]),
        ("Wachten, wachten en nog eens wachten", ["speed"]),
        ("Ik moest eindeloos in de wachtrij staan", ["speed"]),
        ("Telefonisch wachten duurde bijna een uur", ["speed"]),
        ("Lange wachttijden aan de telefoon", ["speed"]),
        ("Het duurde een eeuwigheid voor er iemand opnam", ["speed"]),
        ("De chat was erg traag", ["speed"]),
        ("Na 40 min gewacht te hebben heb ik opgehangen", ["speed"]),
        ("Service was top, maar de telefoonwachtijd te lang", ["speed"]),
        ("Razendsnel geregeld", ["speed"]),
        ("Binnen 5 minuten aan de lijn, dat had ik niet verwacht", ["speed"]),
        ("de klantenservicewachttijd is niet normaal meer", ["speed"]),

        // Dutch: resolution
        ("Mijn probleem is niet opgelost, nu al de derde keer bellen", ["resolution"]),
        ("Kreeg een verkeerd antwoord en moest het zelf uitzoeken", ["resolution"]),
        ("Goed geholpen", ["resolution"]),
        ("Geen oplossing gekregen", ["resolution"]),
        ("Het probleem is nog steeds niet opgelosd", ["resolution"]),
        ("De monteur was zeer deskundig", ["resolution"]),
        ("Mijn vraag werd meteen beantwoord", ["speed", "resolution"]),
        ("Moest 3x bellen voor een oplossing", ["resolution"]),
        ("Ze hadden geen idee waar ik het over had", ["resolution"]),
        ("Storing werd binnen een dag verholpen", ["resolution"]),
        ("Foute informatie gekregen over mijn contract", ["resolution"]),

        // Dutch: effort
        ("Erg omslachtige procedure om iets simpels te regelen", ["effort"]),
        ("Het opzeggen ging heel makkelijk", ["effort"]),
        ("Wat een gedoe om een adreswijziging door te geven", ["effort"]),
        ("Ik heb veel moeite gehad met inloggen in de app", ["effort"]),
        ("Het contact verliep soepel", ["effort"]),
        ("Veel te ingewikeld allemaal", ["effort"]),
        ("Eenvoudig en duidelijk", ["effort"]),
        ("Lastig om iemand te pakken te krijgen", ["effort"]),

        // Dutch: friendliness
        ("De medewerker was heel vriendlijk en dacht mee", ["friendliness"]),
        ("Niet vriendelijk, kortaf en ongeïnteresseerd", ["friendliness"]),
        ("Klantvriendelijkheid ver te zoeken", ["friendliness"]),
        ("Medewerker was onbeschoft", ["friendliness"]),
        ("Fijn dat er echt naar me geluisterd werd", ["friendliness"]),
        ("Zeer ongeduldige medewerker", ["friendliness"]),
        ("Niet echt behulpzaam", ["friendliness"]),
        ("Heel onvriendelijk te woord gestaan", ["friendliness"]),
        ("Geduldig uitgelegd hoe het werkt", ["friendliness"]),
        ("Aardige meneer aan de telefoon", ["friendliness"]),
        ("Super vriendelijke dame, echt een aanrader", ["friendliness"]),
        ("Ze was erg beleefd en begripvol", ["friendliness"]),

        // Dutch: transfer
        ("Je wordt van het kastje naar de muur gestuurd", ["transfer"]),
        ("Werd drie keer doorverbonden en moest steeds opnieuw mijn verhaal doen", ["transfer"]),
        ("Ze verbonden me door naar een andere afdeling", ["transfer"]),
        ("Doorgeschakeld naar een collega die het ook niet wist", ["transfer"]),
        ("Ik werd steeds doorverbonde", ["transfer"]),

        // Dutch: commercial pressure
        ("Ze probeerden me een duurder abonnement aan te smeren", ["commercial-pressure"]),
        ("De verkoper bleef maar pushen voor een extra product", ["commercial-pressure"]),
        ("Opdringerige verkooppraatjes, daar zit niemand op te wachten", ["commercial-pressure"]),
        ("Ik voelde me onder druk gezet om te tekenen", ["commercial-pressure"]),
        ("Ze smeerden me ook nog een verzekering aan", ["commercial-pressure"]),
        ("Belde voor een storing en kreeg een verkoopgesprek", ["commercial-pressure"]),

        // Dutch: price
        ("Veel te duur voor wat je krijgt", ["price"]),
        ("Servicekosten zijn absurd hoog", ["price"]),
        ("De abonnementsprijs is alweer verhoogd", ["price"]),
        ("Prima service, alleen de prijs is aan de hoge kant", ["price"]),
        ("De kosten worden niet duidelijk uitgelegd", ["price"]),
        ("Goedkoper dan de concurrent", ["price"]),
        ("Belachelijke tarieven", ["price"]),

        // Dutch: follow-up
        ("Ze belde terug zoals beloofd, top", ["follow-up"]),
        ("Ik werd niet teruggebeld terwijl dat wel was toegezegd", ["follow-up"]),
        ("Ze hebben me nooit terug gebeld", ["follow-up"]),
        ("Geen terugkoppeling gehad", ["follow-up"]),
        ("Moest zelf weer bellen omdat ze niet terugbelden", ["follow-up"]),
        ("Ze belden me de volgende dag netjes terug", ["follow-up"]),
        ("Beloofden terug te bellen, niet gebeurd", ["follow-up"]),
        ("Ze zou me terugbellen maar heeft nooit meer gebeld", ["follow-up"]),
        ("Werd keurig teruggebeld", ["follow-up"]),
        ("Er zou iemand terugbellen, ik heb niets meer gehoord", ["follow-up"]),

        // Dutch: several themes
        ("Snel en correct geholpen, dank!", ["speed", "resolution"]),
        ("Na lang wachten eindelijk een vriendelijke medewerker", ["speed", "friendliness"]),
        ("Vriendelijke en deskundige medewerker", ["resolution", "friendliness"]),
        ("Vriendelijk, maar niet geholpen", ["resolution", "friendliness"]),
        ("Sympathieke jongen, maar hij wist het antwoord niet", ["resolution", "friendliness"]),
        ("Doorgeschakeld naar een andere afdeling en daar weer wachten", ["speed", "transfer"]),
        ("Ik werd snel doorverbonden met de juiste afdeling", ["speed", "transfer"]),
        ("Hoge kosten en ze probeerden me nog meer aan te smeren", ["commercial-pressure", "price"]),
        ("Lange wachttijd, niet vriendelijk en geen oplossing", ["speed", "resolution", "friendliness"]),
        ("Makkelijk geregeld en snel teruggebeld", ["speed", "effort", "follow-up"]),
        ("Duur, traag en onvriendelijk", ["speed", "friendliness", "price"]),

        // Dutch: none of the themes
        ("Alles prima geregeld", []),
        ("Top!", []),
        ("Nvt", []),
        ("Ik ben tevreden", []),
        ("Jullie app crasht steeds", []),
        ("Geen opmerkingen", []),
        ("Het was druk in de winkel maar verder goed", []),
        ("Beter dan verwacht", []),
        ("Ik blijf klant", []),
        ("De levensduur van het apparaat valt tegen", []),

        // English: speed
        ("Waited on hold for over an hour", ["speed"]),
        ("Had to wait forever", ["speed"]),
        ("Took ages to get through", ["speed"]),
        ("The waiting time was acceptable", ["speed"]),
        ("Very slow response to my email", ["speed"]),
        ("Quick and painless", ["speed"]),

        // English: resolution
        ("Issue resolved on first call", ["resolution"]),
        ("Not very knowledgeable", ["resolution"]),
        ("No one was able to answer my question", ["resolution"]),
        ("Problem still not solved after 2 weeks", ["resolution"]),
        ("They fixed it", ["resolution"]),
        ("The answer I got was just wrong", ["resolution"]),
        ("My issue remains unresolved", ["resolution"]),

        // English: effort
        ("Easy process, no hassle", ["effort"]),
        ("It was a hassle to get a refund", ["effort"]),
        ("The app is super user-friendly", ["effort"]),
        ("Complicated proces to cancel my subscription", ["effort"]),
        ("Smooth experience overall", ["effort"]),
        ("Not easy to reach anyone", ["effort"]),

        // English: friendliness
        ("Agent was not helpful at all", ["friendliness"]),
        ("Rude and impatient", ["friendliness"]),
        ("The rep was very polite and patient", ["friendliness"]),
        ("Very frienldy staff", ["friendliness"]),
        ("The person I spoke to was extremely helpfull", ["friendliness"]),
        ("She really listened to me", ["friendliness"]),
        ("The agent didn't listen to me", ["friendliness"]),
        ("Very unfreindly", ["friendliness"]),

        // English: transfer
        ("Kept transferring me between departments", ["transfer"]),
        ("I got bounced from one department to another", ["transfer"]),
        ("Tranferred three times before I got the right person", ["transfer"]),
        ("Was put through to someone else who had no clue either", ["transfer"]),

        // English: commercial pressure
        ("The guy tried to sell me insurance I didn't need", ["commercial-pressure"]),
        ("Pushy salesman", ["commercial-pressure"]),
        ("I felt pressured into upgrading", ["commercial-pressure"]),
        ("Constant upselling during the call", ["commercial-pressure"]),

        // English: price
        ("Way overpriced", ["price"]),
        ("Not cheap but worth it", ["price"]),
        ("Hidden fees on my bill", ["price"]),
        ("Prices went up again", ["price"]),
        ("I was overcharged", ["price"]),

        // English: follow-up
        ("They called me back the next day as promised", ["follow-up"]),
        ("Nobody ever called back", ["follow-up"]),
        ("I was promised a callback that never came", ["follow-up"]),
        ("Nobody followed up on my complaint", ["follow-up"]),
        ("Never heard back from them", ["follow-up"]),
        ("Still waiting for someone to get back to me", ["follow-up"]),
        ("I appreciated the follow-up call", ["follow-up"]),

        // English: several themes
        ("Super quick and friendly", ["speed", "friendliness"]),
        ("Quick fix, friendly staff, fair price", ["speed", "resolution", "friendliness", "price"]),
        ("Long wait but the answer was correct", ["speed", "resolution"]),
        ("Terrible, rude staff and no solution", ["resolution", "friendliness"]),
        ("Costly and slow", ["speed", "price"]),
        ("Transferred twice and then they tried to upsell me", ["transfer", "commercial-pressure"]),
        ("Easy to set up and the agent was very patient", ["effort", "friendliness"]),

        // English: none of the themes
        ("Thanks!", []),
        ("Great service", []),
        ("All good", []),
        ("Website is down a lot", []),
        ("Very professional", []),
        ("The service was priceless", []),
        ("It was kind of okay", []),
        ("Keep up the good work", []),

        // A second batch, written as they came to mind: longer comments, chat style, more typos.
        ("ik heb 3 kwartier in de wacht gestaan en toen werd de verbinding verbroken", ["speed"]),
        ("Medewerkster was erg vriendelijk maar kon me niet helpen", ["resolution", "friendliness"]),
        ("Ze heeft me uiteindelijk toch goed geholpen, ook al duurde het even", ["speed", "resolution"]),
        ("Werd gelijk geholpen", ["speed", "resolution"]),
        ("nooit meer wat van gehoord!!!", ["follow-up"]),
        ("Zou teruggebelt worden, is niet gebeurd", ["follow-up"]),
        ("Hij belde me binnen een uur terug met de oplossing", ["resolution", "follow-up"]),
        ("De rekening klopte niet, te veel kosten in rekening gebracht", ["price"]),
        ("Erg klantvriendelijk en behulpzaam", ["friendliness"]),
        ("Ongelofelijk onbeleefd", ["friendliness"]),
        ("Mevrouw had totaal geen geduld", ["friendliness"]),
        ("Het was een heel gedoe en ik werd drie keer doorverwezen", ["effort", "transfer"]),
        ("De prijsverhoging is niet uit te leggen", ["price"]),
        ("Het overstappen ging soepeltjes", ["effort"]),
        ("geen idee", ["resolution"]),
        ("The technician was knowlegeable and friendly", ["resolution", "friendliness"]),
        ("waited 2 hours, no one picked up", ["speed"]),
        ("Staff were helpful and the process was straightforward", ["effort", "friendliness"]),
        ("They never got back to me about my refund", ["follow-up"]),
        ("Kept getting transfered", ["transfer"]),
        ("Too expensive and the salesperson was pushy", ["commercial-pressure", "price"]),
        ("Absolutely brilliant, thank you Sarah", []),
        ("I had to repeat my account number four times", []),
        ("Got a solution within minutes", ["speed", "resolution"]),
    ];
}
