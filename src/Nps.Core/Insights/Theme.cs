namespace Nps.Insights;

/// <summary>
/// One theme customers write about (e.g. waiting time), recognised by keywords and phrases per language.
/// </summary>
/// <remarks>
/// A phrase is one or more words; it matches whole words in a comment, ignoring case, accents and punctuation
/// ("follow up" matches "Follow-up!"). A word may end in <c>*</c> to match every word that starts with it:
/// <c>wacht*</c> matches "wachten", "wachttijd" and "wacht", but not "verwachting" or "bewaking". A one-word phrase
/// also matches the last part of a compound (<c>telefoonwachttijd</c>), a past participle (<c>gewacht</c>), an
/// inflected form, a one-letter typo in words of six letters or more (<c>vriendlijk</c>) and, for Dutch separable
/// verbs, the verb with its particle elsewhere in the clause (<c>belde me terug</c> for <c>terugbel*</c>). A
/// negation ("niet vriendelijk", "not helpful") does not hide the theme (the theme is what the comment is about); it
/// is noted per mention (<see cref="ThemeTaxonomy.FindMentions"/>, <see cref="ThemeResult.NegatedMentions"/>).
/// </remarks>
public sealed record Theme
{
    /// <summary>A stable id, e.g. <c>speed</c> (unique within a taxonomy, compared ordinally).</summary>
    public required string Id { get; init; }

    /// <summary>A readable name, e.g. "Speed / waiting time".</summary>
    public required string Name { get; init; }

    /// <summary>Phrases by language code (e.g. <c>en</c>, <c>nl</c>); a comment is matched against every language.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; }
}
