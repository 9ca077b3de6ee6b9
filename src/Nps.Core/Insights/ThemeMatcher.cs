using System.Buffers;

namespace Nps.Insights;

/// <summary>
/// A taxonomy's phrases compiled into two hash indexes on their first word (exact words and <c>*</c>
/// prefixes), so matching a comment is one pass of folding plus a few span lookups per word: no regular
/// expressions, no allocation per comment beyond a pooled buffer.
/// </summary>
internal sealed class ThemeMatcher
{
    private readonly Dictionary<string, ThemePhrase[]> _byWord;
    private readonly Dictionary<string, ThemePhrase[]>.AlternateLookup<ReadOnlySpan<char>> _byWordLookup;
    private readonly Dictionary<string, ThemePhrase[]> _byPrefix;
    private readonly Dictionary<string, ThemePhrase[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefixLookup;
    private readonly int[] _prefixLengths;

    // The first two letters of every prefix: most words start with none of them and skip the prefix look-ups.
    private readonly HashSet<int> _prefixStarts;
    private readonly bool _hasOneLetterPrefix;

    public ThemeMatcher(IEnumerable<ThemePhrase> phrases)
    {
        var all = phrases.ToList();
        _byWord = all.Where(p => !p.IsPrefix[0]).GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byPrefix = all.Where(p => p.IsPrefix[0]).GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _prefixLengths = _byPrefix.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        _prefixStarts = _byPrefix.Keys.Where(k => k.Length >= 2).Select(k => Start(k)).ToHashSet();
        _hasOneLetterPrefix = _byPrefix.Keys.Any(k => k.Length == 1);
        _byWordLookup = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _byPrefixLookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Sets <c>hits[t]</c> for every theme the text mentions; returns how many themes it mentions.</summary>
    public int Match(ReadOnlySpan<char> text, Span<bool> hits)
    {
        hits.Clear();
        if (text.IsEmpty) return 0;

        var folded = ArrayPool<char>.Shared.Rent(text.Length * 2);
        var bounds = ArrayPool<int>.Shared.Rent((4 * text.Length) + 2); // start/end pairs; a folded text has at most one word per two chars
        try
        {
            var length = 0;
            foreach (var c in text) length += ThemeTextFolding.Fold(c, folded.AsSpan(length));
            var words = Split(folded.AsSpan(0, length), bounds);
            var found = 0;
            for (var i = 0; i < words; i++)
            {
                var word = Word(folded, bounds, i);
                if (_byWordLookup.TryGetValue(word, out var exact)) found += MatchAll(exact, folded, bounds, words, i, hits);
                if (!_hasOneLetterPrefix && (word.Length < 2 || !_prefixStarts.Contains(Start(word)))) continue;
                foreach (var prefixLength in _prefixLengths)
                {
                    if (prefixLength > word.Length) break;
                    if (_byPrefixLookup.TryGetValue(word[..prefixLength], out var byPrefix)) found += MatchAll(byPrefix, folded, bounds, words, i, hits);
                }
            }

            return found;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bounds);
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    private static int Start(ReadOnlySpan<char> word) => (word[0] << 16) | word[1];

    private static int Split(ReadOnlySpan<char> folded, int[] bounds)
    {
        var words = 0;
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && ThemeTextFolding.IsWordChar(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0)
            {
                bounds[2 * words] = start;
                bounds[(2 * words) + 1] = i;
                words++;
                start = -1;
            }
        }

        return words;
    }

    private static ReadOnlySpan<char> Word(char[] folded, int[] bounds, int index) =>
        folded.AsSpan(bounds[2 * index], bounds[(2 * index) + 1] - bounds[2 * index]);

    private static int MatchAll(ThemePhrase[] candidates, char[] folded, int[] bounds, int words, int first, Span<bool> hits)
    {
        var found = 0;
        foreach (var phrase in candidates)
        {
            if (hits[phrase.Theme] || first + phrase.Words.Length > words) continue;
            var matches = true;
            for (var k = 1; k < phrase.Words.Length && matches; k++)
            {
                var word = Word(folded, bounds, first + k);
                matches = phrase.IsPrefix[k] ? word.StartsWith(phrase.Words[k], StringComparison.Ordinal) : word.SequenceEqual(phrase.Words[k]);
            }

            if (matches)
            {
                hits[phrase.Theme] = true;
                found++;
            }
        }

        return found;
    }
}
