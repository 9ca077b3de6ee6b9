using Nps.Insights;

namespace Nps;

/// <summary>One comment theme of the taxonomy: an id, a display name and its phrases per language.</summary>
public sealed record NpsThemeOptions : IValidatableOptions
{
    /// <summary>A stable id, e.g. <c>waiting-time</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The name shown in reports, e.g. <c>Waiting time</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Phrases by language code (<c>en</c>, <c>nl</c>); a trailing <c>*</c> matches word prefixes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; set; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The theme these options describe.</summary>
    /// <returns>The theme.</returns>
    public Theme ToTheme() => new()
    {
        Id = Id,
        Name = Name,
        Keywords = (Keywords ?? new Dictionary<string, IReadOnlyList<string>>()).ToDictionary(k => k.Key, k => k.Value ?? [], StringComparer.Ordinal),
    };

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Id)) errors.Add(path.Then(nameof(Id)).Error("must not be empty."));
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(path.Then(nameof(Name)).Error("must not be empty."));
        if (Keywords is null) errors.Add(path.Then(nameof(Keywords)).Error("must not be null."));
        else if (!ThemeTaxonomy.TryCreate([ToTheme()], out _, out var problems))
        {
            // The taxonomy checks the phrases too; its messages name the place inside this one theme ("themes[0].keywords.nl[2] …").
            const string Self = "themes[0].";
            foreach (var problem in problems.Where(p => !p.EndsWith(".id is empty", StringComparison.Ordinal) && !p.EndsWith(".name is empty", StringComparison.Ordinal)))
            {
                errors.Add(path.Error(problem.StartsWith(Self, StringComparison.Ordinal) ? problem[Self.Length..] : problem));
            }
        }
    }
}
