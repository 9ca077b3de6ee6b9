using Nps.Insights;

namespace Nps;

/// <summary>One comment theme of the taxonomy: an id, a display name and its phrases per language.</summary>
public sealed class NpsThemeOptions
{
    /// <summary>A stable id, e.g. <c>waiting-time</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The name shown in reports, e.g. <c>Waiting time</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Phrases by language code (<c>en</c>, <c>nl</c>); a trailing <c>*</c> matches word prefixes.</summary>
    public Dictionary<string, List<string>> Keywords { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The theme these options describe.</summary>
    /// <returns>The theme.</returns>
    public Theme ToTheme() => new()
    {
        Id = Id,
        Name = Name,
        Keywords = (Keywords ?? []).ToDictionary(k => k.Key, k => (IReadOnlyList<string>)(k.Value ?? []), StringComparer.Ordinal),
    };
}
