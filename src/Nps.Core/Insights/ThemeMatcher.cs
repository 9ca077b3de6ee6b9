using System.Buffers;

namespace Nps.Insights;

/// <summary>
/// A taxonomy's phrases compiled into hash indexes on their first word (exact words and <c>*</c> prefixes), so
/// matching a comment is one pass of folding plus a few span lookups per word: no regular expressions, no
/// allocation per comment beyond pooled buffers.
/// </summary>
/// <remarks>
/// <para>A word that matches no phrase directly gets a second chance against the one-word phrases, in this order
/// (the first that finds something wins): without a Dutch past-participle <c>ge-</c> (<c>gewacht</c> → wacht*);
/// without an inflection ending (<c>-s, -es, -e, -en, -d, -ed, -ing</c>, leaving at least four letters); after
/// <c>un-</c>/<c>on-</c> (<c>unresolved</c>, noted as negated); as a compound whose last part is a keyword of five
/// letters or more after a head of three or more (<c>telefoonwachttijd</c> → wacht*, <c>servicekosten</c> →
/// kosten; not after the verbal prefixes ver-, ont-, her-, so <c>verwacht</c> is not waiting); and finally, in words
/// of six letters or more, within one typo (one letter replaced, added, dropped, or two swapped) of a keyword of
/// six letters or more (<c>vriendlijk</c>, <c>frienldy</c>). At the keyword's last letter only a doubled letter
/// (<c>helpfull</c>) and d/t (<c>opgelosd</c>) count as typos: elsewhere a changed ending is another word
/// (<c>duurde</c> is not <c>duurder</c>).</para>
/// <para>Dutch separable verbs: a one-word phrase that starts with a particle (terug, aan, door, mee, weg, uit,
/// over) also matches its verb with the particle elsewhere in the clause: <c>belde me terug</c> and <c>terug te
/// bellen</c> for terugbel*, <c>aan te smeren</c> and <c>smeerden me … aan</c> for aansmeren. Between the words of a
/// phrase one object pronoun may stand (<c>called me back</c> for call* back).</para>
/// <para>A mention is negated when a negation (niet, geen, nooit, niemand, not, no, never, nobody, didn't, …)
/// stands among the three words before it or inside it, within the same clause (punctuation ends a clause).</para>
/// </remarks>
internal sealed class ThemeMatcher
{
    private const int MinimumFuzzyLength = 6;
    private const int MinimumFuzzyPrefix = 7;
    private const int MinimumCompoundTail = 5;
    private const int MinimumCompoundHead = 3;
    private const int NegationLookBack = 3;
    private const int ParticleLookAhead = 6;
    private const int ParticleLookBehind = 2;

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "niet", "geen", "nooit", "niks", "niets", "niemand", "nergens", "zonder",
        "not", "no", "never", "nobody", "nothing", "none", "without", "nor", "neither", "cannot", "cant", "dont", "didnt", "doesnt",
        "isnt", "wasnt", "werent", "arent", "wont", "wouldnt", "couldnt", "hasnt", "havent", "hadnt", "didn", "doesn", "isn", "wasn",
        "weren", "aren", "wouldn", "couldn", "hasn", "haven", "hadn", "shouldn",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "me", "mij", "hem", "haar", "ons", "jou", "u", "hen", "hun", "him", "her", "us", "them", "you", "it",
    };

    private static readonly string[] Particles = ["terug", "aan", "door", "mee", "weg", "uit", "over"];

    // Heads that derive a word rather than start a compound: verwacht is not a kind of waiting.
    private static readonly HashSet<string> DerivingHeads = new(StringComparer.Ordinal) { "ver", "ont", "her", "onver", "onbe", "onge", "mis" };

    private static readonly string[] Endings = ["ing", "es", "ed", "en", "s", "e", "d"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DerivingHeadLookup = DerivingHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Dictionary<string, ThemePhrase[]> _byWord;
    private readonly Dictionary<string, ThemePhrase[]>.AlternateLookup<ReadOnlySpan<char>> _byWordLookup;
    private readonly Dictionary<string, ThemePhrase[]> _byPrefix;
    private readonly Dictionary<string, ThemePhrase[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefixLookup;
    private readonly int[] _prefixLengths;
    private readonly ThemePhrase[] _fuzzy;
    private readonly Separable[] _separable;

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
        _fuzzy = all.Where(p => p.Words.Length == 1 && p.Words[0].Length >= (p.IsPrefix[0] ? MinimumFuzzyPrefix : MinimumFuzzyLength)).ToArray();
        _separable = all.Where(p => p.Words.Length == 1).SelectMany(Separable.From).ToArray();
    }

    /// <summary>Sets <c>hits[t]</c> for every theme the text mentions; returns how many themes it mentions.</summary>
    public int Match(ReadOnlySpan<char> text, Span<bool> hits)
    {
        var sink = new HitSink(hits, default);
        Scan(text, ref sink);
        return sink.Found;
    }

    /// <summary>
    /// Sets <c>hits[t]</c> for every theme the text mentions and <c>negated[t]</c> when every mention of it is
    /// negated; returns how many themes it mentions.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, Span<bool> hits, Span<bool> negated)
    {
        var sink = new HitSink(hits, negated);
        Scan(text, ref sink);
        return sink.Found;
    }

    /// <summary>Reports every mention to the sink: theme, the span in the original text, and whether it is negated.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        if (text.IsEmpty) return;

        var folded = ArrayPool<char>.Shared.Rent(text.Length * 2);
        var origin = ArrayPool<int>.Shared.Rent(text.Length * 2);
        var bounds = ArrayPool<int>.Shared.Rent((4 * text.Length) + 2); // start/end pairs; a folded text has at most one word per two chars
        var clauses = ArrayPool<int>.Shared.Rent((2 * text.Length) + 1);
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var written = ThemeTextFolding.Fold(text[i], folded.AsSpan(length));
                for (var k = 0; k < written; k++) origin[length + k] = i;
                length += written;
            }

            var comment = new Comment(folded, origin, bounds, clauses, Split(folded.AsSpan(0, length), bounds, clauses));
            for (var i = 0; i < comment.Words; i++)
            {
                var word = comment.Word(i);
                var found = MatchDirect(word, in comment, i, ref sink);
                if (found == 0) MatchVariants(word, in comment, i, ref sink);
                if (word.Length >= 3) MatchSeparable(word, in comment, i, ref sink);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(clauses);
            ArrayPool<int>.Shared.Return(bounds);
            ArrayPool<int>.Shared.Return(origin);
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    private int MatchDirect<TSink>(ReadOnlySpan<char> word, in Comment comment, int i, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        var found = 0;
        if (_byWordLookup.TryGetValue(word, out var exact)) found += MatchAll(exact, in comment, i, oneWordOnly: false, negated: false, ref sink);
        if (!_hasOneLetterPrefix && (word.Length < 2 || !_prefixStarts.Contains(Start(word)))) return found;
        foreach (var prefixLength in _prefixLengths)
        {
            if (prefixLength > word.Length) break;
            if (_byPrefixLookup.TryGetValue(word[..prefixLength], out var byPrefix)) found += MatchAll(byPrefix, in comment, i, oneWordOnly: false, negated: false, ref sink);
        }

        return found;
    }

    /// <summary>The second chance of a word that matched nothing directly (see the class remarks for the order).</summary>
    private void MatchVariants<TSink>(ReadOnlySpan<char> word, in Comment comment, int i, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        if (word.Length >= 5 && word.StartsWith("ge") && MatchOneWord(word[2..], in comment, i, negated: false, ref sink) > 0) return;

        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending) && MatchOneWord(word[..^ending.Length], in comment, i, negated: false, ref sink) > 0) return;
        }

        if (word.Length - 2 >= MinimumCompoundTail && (word.StartsWith("un") || word.StartsWith("on"))
            && MatchOneWord(word[2..], in comment, i, negated: true, ref sink) > 0)
        {
            return;
        }

        for (var head = MinimumCompoundHead; word.Length - head >= MinimumCompoundTail; head++)
        {
            if (DerivingHeadLookup.Contains(word[..head])) continue;
            if (MatchOneWord(word[head..], in comment, i, negated: false, ref sink) > 0) return;
        }

        if (word.Length < MinimumFuzzyLength) return;
        foreach (var phrase in _fuzzy)
        {
            var keyword = phrase.Words[0];

            // One typo leaves the first or the second letter in place (or swaps them): a cheap test that skips most keywords.
            if (word[0] != keyword[0] && word[1] != keyword[1] && word[0] != keyword[1] && word[1] != keyword[0]) continue;
            if (phrase.IsPrefix[0] ? ThemeTypos.StartsWithinOneTypo(word, keyword) : ThemeTypos.WithinOneTypo(word, keyword))
            {
                Report(phrase, in comment, i, i + 1, negated: false, ref sink);
            }
        }
    }

    private int MatchOneWord<TSink>(ReadOnlySpan<char> word, in Comment comment, int i, bool negated, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        var found = 0;
        if (_byWordLookup.TryGetValue(word, out var exact)) found += MatchAll(exact, in comment, i, oneWordOnly: true, negated, ref sink);
        foreach (var prefixLength in _prefixLengths)
        {
            if (prefixLength > word.Length) break;
            if (_byPrefixLookup.TryGetValue(word[..prefixLength], out var byPrefix)) found += MatchAll(byPrefix, in comment, i, oneWordOnly: true, negated, ref sink);
        }

        return found;
    }

    private void MatchSeparable<TSink>(ReadOnlySpan<char> word, in Comment comment, int i, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        foreach (var separable in _separable)
        {
            if (!separable.IsVerb(word)) continue;
            var clause = comment.Clause(i);
            var from = Math.Max(0, i - ParticleLookBehind);
            var to = Math.Min(comment.Words - 1, i + ParticleLookAhead);
            for (var j = from; j <= to; j++)
            {
                if (j == i || comment.Clause(j) != clause || !comment.Word(j).SequenceEqual(separable.Particle)) continue;
                Report(separable.Phrase, in comment, Math.Min(i, j), Math.Max(i, j) + 1, negated: false, ref sink);
                break;
            }
        }
    }

    private static int Start(ReadOnlySpan<char> word) => (word[0] << 16) | word[1];

    private static int Split(ReadOnlySpan<char> folded, int[] bounds, int[] clauses)
    {
        var words = 0;
        var start = -1;
        var clause = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && ThemeTextFolding.IsWordChar(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0)
            {
                bounds[2 * words] = start;
                bounds[(2 * words) + 1] = i;
                clauses[words] = clause;
                words++;
                start = -1;
            }

            if (i < folded.Length && folded[i] is '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '\n' or '\r') clause++;
        }

        return words;
    }

    private static int MatchAll<TSink>(ThemePhrase[] candidates, in Comment comment, int first, bool oneWordOnly, bool negated, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        var found = 0;
        foreach (var phrase in candidates)
        {
            if (oneWordOnly && phrase.Words.Length > 1) continue;
            var next = first + 1;
            var matches = true;
            for (var k = 1; k < phrase.Words.Length && matches; k++)
            {
                matches = next < comment.Words && WordMatches(phrase, k, comment.Word(next));
                if (!matches && next + 1 < comment.Words && PronounLookup.Contains(comment.Word(next)) && WordMatches(phrase, k, comment.Word(next + 1)))
                {
                    matches = true;
                    next++;
                }

                next++;
            }

            if (!matches) continue;
            Report(phrase, in comment, first, next, negated, ref sink);
            found++;
        }

        return found;
    }

    private static bool WordMatches(ThemePhrase phrase, int k, ReadOnlySpan<char> word) =>
        phrase.IsPrefix[k] ? word.StartsWith(phrase.Words[k], StringComparison.Ordinal) : word.SequenceEqual(phrase.Words[k]);

    private static void Report<TSink>(ThemePhrase phrase, in Comment comment, int first, int end, bool negated, ref TSink sink)
        where TSink : IMentionSink, allows ref struct
    {
        var clause = comment.Clause(first);
        for (var j = first - 1; !negated && j >= 0 && j >= first - NegationLookBack && comment.Clause(j) == clause; j--)
        {
            negated = NegatorLookup.Contains(comment.Word(j));
        }

        for (var j = first; !negated && j < end; j++) negated = NegatorLookup.Contains(comment.Word(j));
        sink.Mention(phrase.Theme, comment.OriginalStart(first), comment.OriginalEnd(end - 1), negated);
    }

    /// <summary>Receives mentions as the matcher finds them (a struct, so the hot path neither boxes nor allocates).</summary>
    internal interface IMentionSink
    {
        /// <summary>A mention of a theme at [start, end) of the original text.</summary>
        void Mention(int theme, int start, int end, bool negated);
    }

    /// <summary>Marks the themes mentioned and, when asked, those whose every mention is negated.</summary>
    private ref struct HitSink : IMentionSink
    {
        private readonly Span<bool> _hits;
        private readonly Span<bool> _negated;

        public HitSink(Span<bool> hits, Span<bool> negated)
        {
            hits.Clear();
            negated.Clear();
            _hits = hits;
            _negated = negated;
        }

        public int Found { get; private set; }

        public void Mention(int theme, int start, int end, bool negated)
        {
            if (!_hits[theme])
            {
                _hits[theme] = true;
                Found++;
                if (!_negated.IsEmpty) _negated[theme] = negated;
            }
            else if (!_negated.IsEmpty && !negated)
            {
                _negated[theme] = false;
            }
        }
    }

    /// <summary>The folded comment split into words, with each word's clause and the way back to the original text.</summary>
    private readonly ref struct Comment(char[] folded, int[] origin, int[] bounds, int[] clauses, int words)
    {
        private readonly char[] _folded = folded;
        private readonly int[] _origin = origin;
        private readonly int[] _bounds = bounds;
        private readonly int[] _clauses = clauses;

        public int Words { get; } = words;

        public ReadOnlySpan<char> Word(int index) => _folded.AsSpan(_bounds[2 * index], _bounds[(2 * index) + 1] - _bounds[2 * index]);

        public int Clause(int index) => _clauses[index];

        public int OriginalStart(int index) => _origin[_bounds[2 * index]];

        public int OriginalEnd(int index) => _origin[_bounds[(2 * index) + 1] - 1] + 1;
    }

    /// <summary>A one-word phrase that starts with a separable particle, split into the particle and its verb.</summary>
    private sealed class Separable
    {
        private readonly string[] _roots;
        private readonly string _rest;
        private readonly bool _restIsPrefix;

        private Separable(ThemePhrase phrase, string particle, string rest, bool restIsPrefix, string[] roots)
        {
            Phrase = phrase;
            Particle = particle;
            _rest = rest;
            _restIsPrefix = restIsPrefix;
            _roots = roots;
        }

        public ThemePhrase Phrase { get; }

        public string Particle { get; }

        public static IEnumerable<Separable> From(ThemePhrase phrase)
        {
            var word = phrase.Words[0];
            foreach (var particle in Particles)
            {
                if (!word.StartsWith(particle, StringComparison.Ordinal) || word.Length - particle.Length < 3) continue;
                var rest = word[particle.Length..];
                if (rest.StartsWith("ge", StringComparison.Ordinal) && !phrase.IsPrefix[0])
                {
                    yield return new Separable(phrase, particle, rest, false, []); // a participle (teruggebeld): only as written
                    yield break;
                }

                yield return new Separable(phrase, particle, rest, phrase.IsPrefix[0], Roots(rest, phrase.IsPrefix[0]));
                yield break;
            }
        }

        /// <summary>Whether a word is a form of the verb: the rest as written, or a root (with ge-) plus a short ending.</summary>
        public bool IsVerb(ReadOnlySpan<char> word)
        {
            if (_restIsPrefix ? word.StartsWith(_rest, StringComparison.Ordinal) && word.Length <= _rest.Length + 3 : word.SequenceEqual(_rest)) return true;
            var stem = word.StartsWith("ge") && word.Length > 4 ? word[2..] : word;
            foreach (var root in _roots)
            {
                if (stem.StartsWith(root, StringComparison.Ordinal) && stem.Length <= root.Length + 3) return true;
            }

            return false;
        }

        // smeren → smer, smeer (the long vowel written double in a closed syllable); bellen → bel.
        private static string[] Roots(string rest, bool isPrefix)
        {
            if (isPrefix) return [rest];
            if (!rest.EndsWith("en", StringComparison.Ordinal) || rest.Length < 5) return [];
            var root = rest[..^2];
            if (root.Length >= 2 && root[^1] == root[^2]) return [root[..^1]];
            var roots = new List<string> { root };
            if (root.Length >= 3 && IsVowel(root[^2]) && !IsVowel(root[^1]) && !IsVowel(root[^3])) roots.Add(root[..^1] + root[^2] + root[^1]);
            return [.. roots];
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    }
}
