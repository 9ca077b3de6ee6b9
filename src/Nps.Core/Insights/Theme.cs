namespace Nps.Insights;

/// <summary>
/// One theme customers write about (e.g. waiting time), recognised by keywords and phrases per language.
/// </summary>
/// <remarks>
/// A phrase is one or more words; it matches whole words in a comment, ignoring case, accents and punctuation
/// ("follow up" matches "Follow-up!"). A word may end in <c>*</c> to match every word that starts with it:
/// <c>wacht*</c> matches "wachten", "wachttijd" and "wacht", but not "verwachting" or "bewaking". Negation is not
/// understood: "not slow" mentions speed, which is the point (the theme is what the comment is about).
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
