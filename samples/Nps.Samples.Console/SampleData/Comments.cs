namespace Nps.Samples.Console.SampleData;

/// <summary>
/// Dutch and English comment fragments for the usual drivers of a rating: waiting time, a correct answer, ease,
/// friendliness, being transferred, commercial pressure, price and follow-up.
/// </summary>
internal static class Comments
{
    private static readonly string[] Praise =
    [
        "Snel geholpen, bijna geen wachttijd.",
        "Ik kreeg meteen het juiste antwoord.",
        "Heel makkelijk geregeld via de app.",
        "Vriendelijke medewerker die echt luisterde.",
        "Netjes teruggebeld zoals afgesproken.",
        "Correct antwoord in één keer, top!",
        "Duidelijke uitleg en een prettig gesprek.",
        "Quick help, hardly any waiting.",
        "Got the right answer the first time.",
        "So easy to sort out online.",
        "Very friendly and patient agent.",
        "They called me back as promised.",
    ];

    private static readonly string[] Neutral =
    [
        "Prima, maar het duurde wat lang.",
        "Goed geholpen, wel een beetje duur.",
        "Antwoord klopte, maar ik werd eerst doorverbonden.",
        "Vriendelijk, al moest ik zelf nog een keer bellen.",
        "Fine, but the wait was a bit long.",
        "Helpful, though the price is on the high side.",
        "OK in the end, after being transferred once.",
    ];

    private static readonly string[] Complaints =
    [
        "Veel te lang in de wacht gestaan (45 minuten).",
        "Het antwoord klopte niet, nu heb ik nog steeds een probleem.",
        "Ik werd drie keer doorverbonden en moest steeds opnieuw uitleggen.",
        "Ze probeerden me steeds een duurder abonnement te verkopen.",
        "Te duur vergeleken met andere aanbieders.",
        "Beloofd terug te bellen, maar nooit gebeld.",
        "Onvriendelijk en kortaf.",
        "Ingewikkeld, de website werkt niet mee.",
        "Medewerker zei \"geen probleem\", maar er is niets geregeld.",
        "Waited far too long on hold.",
        "The answer was wrong and the problem is still there.",
        "I was transferred three times and had to repeat everything.",
        "Pushy sales pitch for an upgrade I don't need.",
        "Way too expensive for what you get.",
        "Nobody called me back, as promised.",
        "Rude and unhelpful.",
        "Complicated process, it took me an hour.",
    ];

    /// <summary>A comment that fits the rating; now and then two sentences, sometimes on two lines.</summary>
    public static string For(int rating, Random random)
    {
        var pool = rating >= 9 ? Praise : rating >= 7 ? Neutral : Complaints;
        var first = pool[random.Next(pool.Length)];
        var roll = random.NextDouble();
        if (roll < 0.15)
        {
            return first + " " + pool[random.Next(pool.Length)];
        }

        // People press Enter in comment boxes: a few comments span two lines, which CSV must quote.
        return roll < 0.18 ? first + "\n" + pool[random.Next(pool.Length)] : first;
    }
}
