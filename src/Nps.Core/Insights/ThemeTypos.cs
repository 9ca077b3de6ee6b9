namespace Nps.Insights;

/// <summary>
/// One-typo comparisons for theme matching: one letter replaced, added or dropped, or two neighbours swapped
/// (the optimal-string-alignment distance 1), without building a distance matrix.
/// </summary>
/// <remarks>
/// At the keyword's last letter only two slips count: a doubled last letter (<c>helpfull</c>) and d for t or t for d
/// (<c>opgelosd</c>, <c>teruggebelt</c>, the most common Dutch spelling error). Any other change there makes another
/// word rather than a typo (<c>duurde</c> is not <c>duurder</c>, <c>listed</c> is not <c>listen</c>).
/// </remarks>
internal static class ThemeTypos
{
    /// <summary>Whether <paramref name="word"/> is <paramref name="keyword"/> with one typo (not equal to it).</summary>
    public static bool WithinOneTypo(ReadOnlySpan<char> word, ReadOnlySpan<char> keyword)
    {
        var i = word.CommonPrefixLength(keyword);
        var last = keyword.Length - 1;
        switch (word.Length - keyword.Length)
        {
            case 0:
                if (i >= word.Length) return false; // equal
                if (word[(i + 1)..].SequenceEqual(keyword[(i + 1)..])) return i < last || IsDt(word[i], keyword[i]); // replaced
                return i + 1 < last && word[i] == keyword[i + 1] && word[i + 1] == keyword[i] && word[(i + 2)..].SequenceEqual(keyword[(i + 2)..]); // swapped
            case 1: // a letter added
                if (!word[(i + 1)..].SequenceEqual(keyword[i..])) return false;
                return i < keyword.Length || word[^1] == word[^2];
            case -1: // a letter dropped
                return i < last && word[i..].SequenceEqual(keyword[(i + 1)..]);
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="word"/> starts with <paramref name="prefix"/> written with one typo (and not with the prefix itself).</summary>
    public static bool StartsWithinOneTypo(ReadOnlySpan<char> word, ReadOnlySpan<char> prefix)
    {
        var i = word.CommonPrefixLength(prefix);
        if (i >= prefix.Length || i >= word.Length) return false; // starts with it, or is shorter than the shared part
        var last = prefix.Length - 1;
        var rest = prefix[(i + 1)..];
        if (word[(i + 1)..].StartsWith(rest) && (i < last || IsDt(word[i], prefix[i]))) return true; // replaced
        if (i + 1 < last && i + 1 < word.Length && word[i] == prefix[i + 1] && word[i + 1] == prefix[i] && word[(i + 2)..].StartsWith(prefix[(i + 2)..])) return true; // swapped
        if (word[(i + 1)..].StartsWith(prefix[i..])) return true; // a letter added
        return i < last && word[i..].StartsWith(rest); // a letter dropped
    }

    private static bool IsDt(char a, char b) => (a, b) is ('d', 't') or ('t', 'd');
}
