namespace Nps.Insights;

/// <summary>
/// The JSON form of a <see cref="ThemeTaxonomy"/>: <c>{ "themes": [ { "id", "name", "keywords": { "en": [...] } } ] }</c>.
/// </summary>
public sealed record ThemeTaxonomyDocument
{
    /// <summary>The themes, in report order.</summary>
    public required IReadOnlyList<Theme> Themes { get; init; }
}
