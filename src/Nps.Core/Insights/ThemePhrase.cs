namespace Nps.Insights;

/// <summary>A keyword or phrase of a theme, folded and split into words once, when the taxonomy is built.</summary>
internal sealed class ThemePhrase
{
    private ThemePhrase(int theme, string[] words, bool[] prefix)
    {
        Theme = theme;
        Words = words;
        IsPrefix = prefix;
    }

    /// <summary>The index of the theme in its taxonomy.</summary>
    public int Theme { get; }

    /// <summary>The folded words.</summary>
    public string[] Words { get; }

    /// <summary>Per word: whether it ended in <c>*</c> (matches any word that starts with it).</summary>
    public bool[] IsPrefix { get; }

    /// <summary>Parses a phrase; returns the reason when it is not a valid phrase.</summary>
    public static string? TryParse(string text, int theme, out ThemePhrase? phrase)
    {
        phrase = null;
        if (string.IsNullOrWhiteSpace(text)) return "is empty";

        var folded = ThemeTextFolding.Fold(text);
        var words = new List<string>();
        var prefix = new List<bool>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (ThemeTextFolding.IsWordChar(c))
            {
                if (start < 0) start = i;
                continue;
            }

            if (start >= 0)
            {
                words.Add(folded[start..i]);
                var wildcard = c == '*';
                prefix.Add(wildcard);
                start = -1;
                if (wildcard && i + 1 < folded.Length && ThemeTextFolding.IsWordChar(folded[i + 1]))
                {
                    return "has '*' inside a word (only a trailing * is allowed, as in wacht*)";
                }

                continue;
            }

            if (c == '*') return "has a '*' that does not follow a word (only a trailing * is allowed, as in wacht*)";
        }

        if (words.Count == 0) return "has no words";
        phrase = new ThemePhrase(theme, [.. words], [.. prefix]);
        return null;
    }
}
