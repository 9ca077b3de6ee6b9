using System.Globalization;
using System.Text.Json;

namespace Nps.Insights;

/// <summary>
/// A configurable set of comment themes, compiled once for fast matching. <see cref="Default"/> holds Dutch and
/// English phrases for the usual drivers of a Net Promoter Score.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Build one per configuration and reuse it: the phrases are folded and indexed in the
/// constructor. A comment can mention several themes; see <see cref="Theme"/> for how phrases match.
/// </remarks>
public sealed class ThemeTaxonomy
{
    private readonly ThemeMatcher _matcher;

    /// <summary>Creates a taxonomy (programmer input: invalid themes throw).</summary>
    /// <param name="themes">The themes, in report order.</param>
    /// <exception cref="ArgumentException">A theme is invalid; the message lists every problem.</exception>
    public ThemeTaxonomy(IEnumerable<Theme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var list = themes.ToArray();
        var errors = Compile(list, out var matcher);
        if (errors.Count > 0) throw new ArgumentException("Invalid theme taxonomy: " + string.Join("; ", errors.Select(e => e.Message)), nameof(themes));
        Themes = list;
        _matcher = matcher!;
    }

    private ThemeTaxonomy(Theme[] themes, ThemeMatcher matcher)
    {
        Themes = themes;
        _matcher = matcher;
    }

    /// <summary>
    /// The built-in taxonomy: speed/waiting time, correct answer/resolution, ease/effort, friendliness/empathy,
    /// being transferred, commercial pressure, price, and follow-up/callback, each in Dutch (<c>nl</c>) and English
    /// (<c>en</c>).
    /// </summary>
    public static ThemeTaxonomy Default { get; } = new(ThemeDefaults.Create());

    /// <summary>The themes, in report order.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    /// <summary>Validates themes from outside (a file, a request) without throwing.</summary>
    /// <param name="themes">The themes.</param>
    /// <param name="taxonomy">The taxonomy when valid.</param>
    /// <param name="errors">Every problem, its field naming the theme and phrase (e.g. <c>themes[0].keywords.nl[2]</c>, the
    /// reason <c>'wa*cht' has '*' inside a word …</c>) and the refused phrase as its value.</param>
    /// <returns>Whether the themes form a valid taxonomy.</returns>
    public static bool TryCreate(IEnumerable<Theme?>? themes, out ThemeTaxonomy? taxonomy, out IReadOnlyList<DataError> errors)
    {
        taxonomy = null;
        if (themes is null)
        {
            errors = [new(0, "themes", "is missing")];
            return false;
        }

        var list = themes.ToArray();
        var problems = Compile(list, out var matcher);
        errors = problems;
        if (problems.Count > 0) return false;
        taxonomy = new ThemeTaxonomy(list!, matcher!);
        return true;
    }

    /// <summary>
    /// Reads a taxonomy from JSON (the format of <see cref="ThemeTaxonomyDocument"/>, camelCase; comments and
    /// trailing commas allowed). Bad input is reported, never thrown.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="taxonomy">The taxonomy when valid.</param>
    /// <param name="errors">The JSON error (with its line, and its JSON path as the field) or every validation problem.</param>
    /// <returns>Whether the JSON holds a valid taxonomy.</returns>
    public static bool TryParseJson(string json, out ThemeTaxonomy? taxonomy, out IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ThemeTaxonomyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ThemeJsonContext.Default.ThemeTaxonomyDocument);
        }
        catch (JsonException e)
        {
            taxonomy = null;
            errors = [new((e.LineNumber ?? -1) + 1, e.Path, e.Message)];
            return false;
        }

        if (document is null)
        {
            taxonomy = null;
            errors = [new(0, null, "the document is null; expected { \"themes\": [ ... ] }")];
            return false;
        }

        return TryCreate(document.Themes, out taxonomy, out errors);
    }

    /// <summary>Writes the taxonomy as indented JSON that <see cref="TryParseJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(new ThemeTaxonomyDocument { Themes = Themes }, ThemeJsonContext.Default.ThemeTaxonomyDocument);

    /// <summary>The themes a comment mentions, in taxonomy order; empty for a null or blank comment.</summary>
    /// <param name="comment">The comment.</param>
    /// <returns>The themes mentioned.</returns>
    public IReadOnlyList<Theme> FindThemes(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) return [];
        Span<bool> hits = Themes.Count <= 256 ? stackalloc bool[Themes.Count] : new bool[Themes.Count];
        if (_matcher.Match(comment, hits) == 0) return [];
        var found = new List<Theme>();
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i]) found.Add(Themes[i]);
        }

        return found;
    }

    /// <summary>
    /// Every mention of a theme in a comment, in the order found (by word), each with its place in the comment and
    /// whether it is negated; empty for a null or blank comment. A theme can be mentioned more than once.
    /// </summary>
    /// <param name="comment">The comment.</param>
    /// <returns>The mentions.</returns>
    public IReadOnlyList<ThemeMention> FindMentions(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment)) return [];
        var sink = new MentionCollector(Themes);
        _matcher.Scan(comment, ref sink);
        return sink.Mentions;
    }

    /// <summary>Marks the themes (by index) that a comment mentions; returns how many.</summary>
    internal int Match(ReadOnlySpan<char> comment, Span<bool> hits) => _matcher.Match(comment, hits);

    /// <summary>
    /// Marks the themes (by index in <see cref="Themes"/>) that a comment mentions and those whose every mention is
    /// negated, as <see cref="ThemeAnalysis"/> counts them; a store keeping theme counts (<see cref="IThemeCountSource"/>)
    /// matches each comment once with it.
    /// </summary>
    /// <param name="comment">The comment (not blank).</param>
    /// <param name="hits">One flag per theme, set for each theme mentioned (cleared first).</param>
    /// <param name="negated">One flag per theme, set for each theme mentioned only negated (cleared first).</param>
    /// <returns>How many themes the comment mentions.</returns>
    /// <exception cref="ArgumentException">A span is shorter than the number of themes.</exception>
    public int Match(ReadOnlySpan<char> comment, Span<bool> hits, Span<bool> negated)
    {
        if (hits.Length < Themes.Count) throw new ArgumentException("One flag per theme is needed.", nameof(hits));
        if (negated.Length < Themes.Count) throw new ArgumentException("One flag per theme is needed.", nameof(negated));
        return _matcher.Match(comment, hits, negated);
    }

    /// <summary>
    /// A fingerprint of the themes and of how they match (hex SHA-256): equal for taxonomies that match every comment
    /// alike, so a store's theme counts know which taxonomy they hold and start again when the host's differs.
    /// </summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(MatchingVersion + "\n" + ToJson())));

    /// <summary>Changes whenever the matching rules change, so counts matched by an older release are matched again.</summary>
    private const string MatchingVersion = "theme-matcher-1";

    private string? _fingerprint;

    private struct MentionCollector(IReadOnlyList<Theme> themes) : ThemeMatcher.IMentionSink
    {
        public List<ThemeMention> Mentions { get; } = [];

        public readonly void Mention(int theme, int start, int end, bool negated)
        {
            var mention = new ThemeMention(themes[theme], start, end - start, negated);
            if (!Mentions.Contains(mention)) Mentions.Add(mention);
        }
    }

    private static List<DataError> Compile(Theme?[] themes, out ThemeMatcher? matcher)
    {
        var errors = new List<DataError>();
        var phrases = new List<ThemePhrase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < themes.Length; t++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"themes[{t}]");
            if (themes[t] is not { } theme)
            {
                errors.Add(new(0, at, "is null"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(theme.Id)) errors.Add(new(0, at + ".id", "is empty", theme.Id));
            else if (!ids.Add(theme.Id)) errors.Add(new(0, at + ".id", $"'{theme.Id}' is used by an earlier theme", theme.Id));
            if (string.IsNullOrWhiteSpace(theme.Name)) errors.Add(new(0, at + ".name", "is empty", theme.Name));
            if (theme.Keywords is null || theme.Keywords.Values.All(v => v is null || v.Count == 0))
            {
                errors.Add(new(0, at + ".keywords", "has no phrases"));
                continue;
            }

            foreach (var (language, list) in theme.Keywords.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(language)) errors.Add(new(0, at + ".keywords", "has an empty language code", language));
                if (list is null) continue;
                for (var k = 0; k < list.Count; k++)
                {
                    var problem = ThemePhrase.TryParse(list[k], t, out var phrase);
                    if (problem is null) phrases.Add(phrase!);
                    else errors.Add(new(0, string.Create(CultureInfo.InvariantCulture, $"{at}.keywords.{language}[{k}]"), $"'{list[k]}' {problem}", list[k]));
                }
            }
        }

        matcher = errors.Count == 0 ? new ThemeMatcher(phrases) : null;
        return errors;
    }
}
