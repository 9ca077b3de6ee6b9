using System.Globalization;
using Nps.Insights;

namespace Nps;

/// <summary>One comment theme of the taxonomy: an id, a display name and its phrases per language.</summary>
public sealed record NpsThemeOptions : IValidatableOptions
{
    /// <summary>A stable id, e.g. <c>waiting-time</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The name shown in reports, e.g. <c>Waiting time</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Phrases by language code (<c>en</c>, <c>nl</c>); a trailing <c>*</c> matches word prefixes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

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
        errors.NotBlank(path.Then(nameof(Id)), Id);
        errors.NotBlank(path.Then(nameof(Name)), Name);
        errors.NotNull(path.Then(nameof(Keywords)), Keywords);
        if (Keywords is not null && !ThemeTaxonomy.TryCreate([ToTheme()], out _, out var problems))
        {
            // The taxonomy checks the phrases too; empty ids and names are reported above already.
            foreach (var problem in problems.Where(p => p.Reason != "is empty"))
            {
                errors.Add(ToOptionsError(path, problem, single: true));
            }
        }
    }

    /// <summary>
    /// A taxonomy error (its field a JSON path such as <c>themes[0].keywords.nl[2]</c>) as an options error whose field
    /// is the configuration path (<c>Nps:Themes:0:Keywords:nl:2</c>).
    /// </summary>
    /// <param name="path">The path of the theme list, or of the one theme when <paramref name="single"/>.</param>
    /// <param name="problem">The taxonomy's error.</param>
    /// <param name="single">Whether the taxonomy was built from this one theme, so its index is not part of the path.</param>
    internal static DataError ToOptionsError(OptionsPath path, DataError problem, bool single)
    {
        var field = problem.Field ?? "";
        if (field.StartsWith("themes", StringComparison.Ordinal)) field = field["themes".Length..];
        var at = path;
        var first = true;
        foreach (System.Text.RegularExpressions.Match part in System.Text.RegularExpressions.Regex.Matches(field, @"\[(\d+)\]|\.([^.\[]+)"))
        {
            if (part.Groups[1].Success)
            {
                if (!(single && first)) at = at.At(int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            else
            {
                var name = part.Groups[2].Value;
                at = at.Then(name is "id" or "name" or "keywords" ? char.ToUpperInvariant(name[0]) + name[1..] : name);
            }

            first = false;
        }

        return new DataError(0, at.Value.Length == 0 ? null : at.Value, problem.Reason, problem.Value);
    }
}
