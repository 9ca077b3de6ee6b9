using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nps.Insights;

namespace Nps.Tests.Insights;

public sealed class ThemeMatchingTests
{
    private static string[] Ids(string? comment) => ThemeTaxonomy.Default.FindThemes(comment).Select(t => t.Id).ToArray();

    [Theory]
    [InlineData("I had to wait 40 minutes before anyone picked up.", "speed")]
    [InlineData("Waiting, waiting, waiting...", "speed")]
    [InlineData("SLOW!!!", "speed")]
    [InlineData("De wachttijd was belachelijk lang.", "speed")]
    [InlineData("Ik moest eindeloos wachten", "speed")]
    [InlineData("Wacht maar af.", "speed")]
    [InlineData("Supersnel geholpen? Nee: snél geholpen!", "speed", "resolution")]
    [InlineData("My problem was solved on the first call", "resolution")]
    [InlineData("Het probleem is nog steeds niet opgelost", "resolution")]
    [InlineData("Hééél vriendelijke medewerker", "friendliness")]
    [InlineData("Ze was zéér behulpzaam en had veel begrip", "friendliness")]
    [InlineData("The agent was RUDE and arrogant", "friendliness")]
    [InlineData("Een gebruiksvriendelijke app", "effort")]
    [InlineData("Too much hassle to cancel", "effort")]
    [InlineData("Ik werd van het kastje naar de muur gestuurd", "transfer")]
    [InlineData("I was transferred three times", "transfer")]
    [InlineData("Wat een commerciële aanpak, ik wilde alleen een antwoord", "resolution", "commercial-pressure")]
    [InlineData("She kept trying to upsell me a new plan", "commercial-pressure")]
    [InlineData("Way too expensive for what you get", "price")]
    [InlineData("De prijs is véél te hoog, te duur!", "price")]
    [InlineData("Nobody called me back after the follow-up was promised", "follow-up")]
    [InlineData("Call-back never happened", "follow-up")]
    [InlineData("Ze zouden me terugbellen maar ik heb niets meer gehoord", "follow-up")]
    [InlineData("Great, thanks!")]
    public void FindThemes_DefaultTaxonomy_FindsExactlyTheThemesMentioned(string comment, params string[] expected) =>
        Assert.Equal(expected, Ids(comment));

    [Theory]
    [InlineData("Telefoonwachttijd was lang", "speed")] // a compound whose last part starts with a keyword
    [InlineData("De servicekosten zijn hoog", "price")] // ... or is one
    [InlineData("I was overcharged", "price")]
    [InlineData("Na 40 min gewacht", "speed")] // a past participle: ge- + wacht
    [InlineData("Er werd niet naar me geluisterd", "friendliness")]
    [InlineData("It resolves nothing", "resolution")] // an inflection ending
    [InlineData("My issue remains unresolved", "resolution")]
    [InlineData("Ze belde terug", "follow-up")] // a separable verb: terugbel* as belde … terug
    [InlineData("Hij belde me binnen een uur terug", "follow-up")]
    [InlineData("Ik werd gisteren pas gebeld, terug naar af")] // the particle is in another clause
    [InlineData("Ze probeerden me iets aan te smeren", "commercial-pressure")]
    [InlineData("Ze smeerden me een verzekering aan", "commercial-pressure")]
    [InlineData("They called me back", "follow-up")] // one object pronoun between the words of a phrase
    [InlineData("De medewerker was vriendlijk", "friendliness")] // one letter dropped
    [InlineData("Very frienldy staff", "friendliness")] // two letters swapped
    [InlineData("Very unfreindly", "friendliness")]
    [InlineData("Extremely helpfull", "friendliness")] // a doubled last letter
    [InlineData("Nog steeds niet opgelosd", "resolution")] // d for t
    [InlineData("Veel te ingewikeld", "effort")] // a typo in a prefix keyword
    [InlineData("Het duurde lang", "speed")] // duurde is not a typo of duurder (the ending makes another word)
    [InlineData("Wij moeten praten")] // nor moeten of moeite*: prefix keywords get typos from seven letters
    [InlineData("Ik begrijp het")] // nor begrijp of begrip*
    [InlineData("Snle")] // words under six letters get no typo allowance
    public void FindThemes_CompoundsInflectionsSeparableVerbsAndTypos_Found(string comment, params string[] expected) =>
        Assert.Equal(expected, Ids(comment));

    [Theory]
    [InlineData("Niet vriendelijk", "friendliness", true)]
    [InlineData("Not helpful at all", "friendliness", true)]
    [InlineData("The agent didn't listen", "friendliness", true)]
    [InlineData("Geen oplossing gekregen", "resolution", true)]
    [InlineData("Nobody ever called back", "follow-up", true)]
    [InlineData("Ze belden niet terug", "follow-up", true)]
    [InlineData("Unresolved", "resolution", true)]
    [InlineData("Vriendelijk", "friendliness", false)]
    [InlineData("Niet lang, wel vriendelijk", "friendliness", false)] // the negation is in another clause
    [InlineData("Niet echt heel erg vriendelijk", "friendliness", false)] // more than three words before
    public void FindMentions_Negation_NotedPerMention(string comment, string theme, bool negated)
    {
        var mention = Assert.Single(ThemeTaxonomy.Default.FindMentions(comment), m => m.Theme.Id == theme);
        Assert.Equal(negated, mention.IsNegated);
    }

    [Fact]
    public void FindMentions_SeveralMentions_EachWithItsTextAndNegation()
    {
        const string comment = "Niet vriendelijk, en ze bélde me nooit terug. Wel snel!";
        var mentions = ThemeTaxonomy.Default.FindMentions(comment);
        Assert.Equal(
            [("friendliness", "vriendelijk", true), ("follow-up", "bélde me nooit terug", true), ("speed", "snel", false)],
            mentions.Select(m => (m.Theme.Id, m.TextIn(comment), m.IsNegated)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void FindMentions_NoComment_Empty(string? comment) => Assert.Empty(ThemeTaxonomy.Default.FindMentions(comment));

    [Theory]
    [InlineData("The service was priceless")] // "price" is a whole word: priceless is praise, not a price complaint
    [InlineData("De bewaking van het pand")] // wacht* starts a word; bewaking does not start with wacht
    [InlineData("Beter dan verwacht")] // nor does verwacht (expected)
    [InlineData("It was kind of okay")] // "kind" is not a friendliness phrase
    [InlineData("Het was druk in de winkel")] // "druk" alone is busy, only "onder druk" is pressure
    [InlineData("Awaiting your reply")] // wait* does not match inside a word (a one-letter head is no compound)
    [InlineData("Onverwacht goed")] // nor after a verbal prefix (on-ver-wacht is unexpected, not waiting)
    [InlineData("De levensduur valt tegen")] // a compound's last part counts from five letters: duur stays whole-word
    public void FindThemes_WordInsideAnotherWord_NoMatch(string comment) => Assert.Empty(Ids(comment));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!...")]
    public void FindThemes_NoWords_Empty(string? comment) => Assert.Empty(Ids(comment));

    [Theory]
    [InlineData("Café")]
    [InlineData("CAFE")]
    [InlineData("cafe\u0301")] // e + combining acute accent
    [InlineData("(café)")]
    [InlineData("het CAFÉ, toch")]
    public void FindThemes_AccentAndCaseInsensitive_MatchesKeywordWithAccent(string comment)
    {
        var taxonomy = new ThemeTaxonomy([Custom("venue", "café")]);
        Assert.Equal("venue", Assert.Single(taxonomy.FindThemes(comment)).Id);
    }

    [Theory]
    [InlineData("Die Mülltonne", true)]
    [InlineData("MULLTONNE", true)]
    [InlineData("Naïef gedacht, maar ëcht goed", false)]
    [InlineData("Straße", true)]
    [InlineData("STRASSE", true)]
    public void FindThemes_UmlautAndSharpS_FoldToBaseLetters(string comment, bool expected)
    {
        var taxonomy = new ThemeTaxonomy([Custom("german", "müll*", "straße")]);
        Assert.Equal(expected, taxonomy.FindThemes(comment).Count == 1);
    }

    [Theory]
    [InlineData("Naïef", true)]
    [InlineData("naief", true)]
    [InlineData("ECHT", true)]
    [InlineData("ëchter", false)]
    public void FindThemes_DiaeresisInKeywordAndComment_Folded(string comment, bool expected)
    {
        var taxonomy = new ThemeTaxonomy([Custom("nl", "naïef", "ëcht")]);
        Assert.Equal(expected, taxonomy.FindThemes(comment).Count == 1);
    }

    [Theory]
    [InlineData("follow up", "They did not follow-up.", true)]
    [InlineData("follow up", "FOLLOW UP", true)]
    [InlineData("follow up", "follow, up", true)] // punctuation separates words; phrases match word sequences
    [InlineData("follow up", "follow the money up", false)]
    [InlineData("follow up", "followup", false)]
    [InlineData("lang* wacht*", "langdurig wachten", true)]
    [InlineData("lang* wacht*", "lang verwacht", false)]
    [InlineData("lang* wacht*", "lang", false)]
    [InlineData("a*", "Apple pie", true)] // a one-letter prefix
    [InlineData("a*", "banana", false)]
    [InlineData("x", "x marks the spot", true)]
    public void FindThemes_Phrases_MatchConsecutiveWholeWords(string phrase, string comment, bool expected)
    {
        var taxonomy = new ThemeTaxonomy([Custom("t", phrase)]);
        Assert.Equal(expected, taxonomy.FindThemes(comment).Count == 1);
    }

    [Fact]
    public void FindThemes_SeveralThemes_ReportedInTaxonomyOrder() =>
        Assert.Equal(["speed", "friendliness", "price"], Ids("Expensive, and I had to wait, but the lady was friendly."));

    [Fact]
    public void Create_InvalidThemes_ThrowsListingEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new ThemeTaxonomy(
        [
            Custom("a", "wa*cht"),
            Custom("a", "*"),
            new Theme { Id = " ", Name = "", Keywords = new Dictionary<string, IReadOnlyList<string>>() },
        ]));
        Assert.Equal("themes", e.ParamName);
        Assert.Equal(
            "Invalid theme taxonomy: themes[0].keywords.en[0]: 'wa*cht' has '*' inside a word (only a trailing * is allowed, as in wacht*); " +
            "themes[1].id: 'a' is used by an earlier theme; " +
            "themes[1].keywords.en[0]: '*' has a '*' that does not follow a word (only a trailing * is allowed, as in wacht*); " +
            "themes[2].id: is empty; themes[2].name: is empty; themes[2].keywords: has no phrases (Parameter 'themes')", e.Message);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("...", "has no words")]
    [InlineData("wacht **", "has a '*' that does not follow a word (only a trailing * is allowed, as in wacht*)")]
    public void TryCreate_BadPhrase_ReportsThePhraseAndReason(string phrase, string reason)
    {
        Assert.False(ThemeTaxonomy.TryCreate([Custom("x", phrase)], out var taxonomy, out var errors));
        Assert.Null(taxonomy);
        Assert.Equal($"themes[0].keywords.en[0]: '{phrase}' {reason}", Assert.Single(errors).Message);
    }

    [Fact]
    public void Default_HasTheUsualDriversInDutchAndEnglish()
    {
        Assert.Equal(["speed", "resolution", "effort", "friendliness", "transfer", "commercial-pressure", "price", "follow-up"],
            ThemeTaxonomy.Default.Themes.Select(t => t.Id));
        Assert.All(ThemeTaxonomy.Default.Themes, t => Assert.Equal(["en", "nl"], t.Keywords.Keys.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// The indexed matcher finds every theme a naive scan of every phrase at every word finds (it may find more: the
    /// second chances of compounds, inflections, typos and separable verbs), whatever the case.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Match_AnyComment_FindsNaiveScanCaseInsensitively() =>
        Prop.ForAll(CommentGenerator().ToArbitrary(), comment =>
        {
            var taxonomy = ThemeTaxonomy.Default;
            var expected = NaiveScan(taxonomy, comment);
            var actual = taxonomy.FindThemes(comment).Select(t => t.Id).ToArray();
            var upper = taxonomy.FindThemes(comment.ToUpperInvariant()).Select(t => t.Id).ToArray();
            return expected.All(actual.Contains) && actual.SequenceEqual(upper);
        });

    /// <summary>Any UTF-16 text (surrogates, marks, symbols) mixed with keywords: no exception, at least the naive scan's themes.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Match_ArbitraryUnicodeText_NeverThrowsAndFindsNaiveScan() =>
        Prop.ForAll(ArbMap.Default.GeneratorFor<string>().Zip(CommentGenerator()).Select(p => (p.Item1 ?? "") + p.Item2 + (p.Item1 ?? "")).ToArbitrary(), text =>
            NaiveScan(ThemeTaxonomy.Default, text).All(ThemeTaxonomy.Default.FindThemes(text).Select(t => t.Id).Contains));

    private static Gen<string> CommentGenerator()
    {
        string[] words =
        [
            "wacht", "wachten", "bewaking", "verwacht", "wait", "waiter", "await", "price", "priceless", "prijzen", "follow", "up", "call",
            "back", "called", "snél", "Snelheid", "VRIENDELIJK", "gebruiksvriendelijk", "kastje", "naar", "de", "muur", "van", "het", "onder",
            "druk", "kind", "of", "commerciële", "the", "and", "te", "duur", "geen", "idee", "on", "hold", "ß", "Straße", "café", "na\u00efef",
        ];
        string[] separators = [" ", ", ", "-", "!", "... ", "\n", "'", " (", ") "];
        var word = Gen.Elements(words);
        var separator = Gen.Elements(separators);
        return word.SelectMany(w => separator.Select(s => w + s)).ArrayOf().Select(parts => string.Concat(parts));
    }

    private static string[] NaiveScan(ThemeTaxonomy taxonomy, string comment)
    {
        var folded = ThemeTextFolding.Fold(comment);
        var words = System.Text.RegularExpressions.Regex.Split(folded, @"[^\p{L}\p{Nd}]+").Where(w => w.Length > 0).ToArray();
        var found = new List<string>();
        foreach (var theme in taxonomy.Themes)
        {
            var phrases = theme.Keywords.Values.SelectMany(v => v);
            if (phrases.Any(p => PhraseOccurs(p, words))) found.Add(theme.Id);
        }

        return [.. found];
    }

    private static bool PhraseOccurs(string phrase, string[] words)
    {
        var parts = ThemeTextFolding.Fold(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start + parts.Length <= words.Length; start++)
        {
            var all = true;
            for (var k = 0; k < parts.Length && all; k++)
            {
                var part = parts[k];
                all = part.EndsWith('*') ? words[start + k].StartsWith(part[..^1], StringComparison.Ordinal) : words[start + k] == part;
            }

            if (all) return true;
        }

        return false;
    }

    internal static Theme Custom(string id, params string[] phrases) => new()
    {
        Id = id,
        Name = id,
        Keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["en"] = phrases },
    };
}
