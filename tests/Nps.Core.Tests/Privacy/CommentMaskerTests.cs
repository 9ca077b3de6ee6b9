using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nps.Insights;
using Nps.Privacy;

namespace Nps.Tests.Privacy;

public sealed partial class CommentMaskerTests
{
    /// <summary>A labelled comment: its text and where the planted personal data is.</summary>
    private sealed record Labelled(string Text, IReadOnlyList<(int Start, int End, string Kind)> Planted);

    private static List<Labelled> Corpus()
    {
        var corpus = new List<Labelled>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Privacy", "labelled-comments.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var text = new StringBuilder();
            var planted = new List<(int, int, string)>();
            var at = 0;
            foreach (Match m in Marked().Matches(line))
            {
                text.Append(line, at, m.Index - at);
                planted.Add((text.Length, text.Length + m.Groups[2].Length, m.Groups[1].Value));
                text.Append(m.Groups[2].Value);
                at = m.Index + m.Length;
            }

            corpus.Add(new Labelled(text.Append(line, at, line.Length - at).ToString(), planted));
        }

        return corpus;
    }

    [Fact]
    public void Find_LabelledDutchAndEnglishComments_MasksPlantedDataAndLeavesOrdinaryWords()
    {
        var corpus = Corpus();
        int planted = 0, masked = 0, ordinaryWords = 0, ordinaryMasked = 0, found = 0, foundOnPlanted = 0;
        var misses = new List<string>();
        foreach (var comment in corpus)
        {
            var spans = CommentMasker.Find(comment.Text);
            found += spans.Count;
            foundOnPlanted += spans.Count(s => comment.Planted.Any(p => s.Start < p.End && p.Start < s.End));
            foreach (var (start, end, kind) in comment.Planted)
            {
                planted++;
                if (Enumerable.Range(start, end - start).All(i => spans.Any(s => i >= s.Start && i < s.End))) masked++;
                else misses.Add($"{kind}: {comment.Text[start..end]}");
            }

            foreach (Match word in Word().Matches(comment.Text))
            {
                if (comment.Planted.Any(p => word.Index < p.End && p.Start < word.Index + word.Length)) continue;
                ordinaryWords++;
                if (spans.Any(s => word.Index < s.End && s.Start < word.Index + word.Length))
                {
                    ordinaryMasked++;
                    misses.Add($"ordinary word masked: {word.Value} in {comment.Text}");
                }
            }
        }

        var recall = (double)masked / planted;
        var precision = (double)foundOnPlanted / found;
        var wordRate = (double)ordinaryMasked / ordinaryWords;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{corpus.Count} comments, {planted} planted, {masked} masked: recall {recall:P1}, precision {precision:P1}; {ordinaryMasked} of {ordinaryWords} ordinary words masked ({wordRate:P2}). {string.Join("; ", misses)}"));
        Assert.True(corpus.Count >= 100, $"{corpus.Count} comments");
        Assert.True(planted >= 40, $"{planted} planted");
        Assert.True(recall >= 0.99, $"recall {recall}: {string.Join("; ", misses)}");
        Assert.True(wordRate <= 0.01, $"ordinary words masked {wordRate}: {string.Join("; ", misses)}");
    }

    [Theory]
    [InlineData("Mail jan@example.nl of bel 06-12345678.", "Mail [e-mail] of bel [phone].")]
    [InlineData("IBAN NL91ABNA0417164300, kaart 4111-1111-1111-1111", "IBAN [iban], kaart [card]")]
    [InlineData("Kaart 4111 1111 1111 1112 (geen Luhn)", "Kaart 4111 1111 1111 1112 (geen Luhn)")]
    [InlineData("Woon op 1234 AB 12 sinds 2019, 10 km verderop", "Woon op [postcode] sinds 2019, 10 km verderop")]
    [InlineData("Mijn IBAN BE68 5390 0754 7034 gebruiken aub", "Mijn IBAN [iban] gebruiken aub")]
    [InlineData("Betaald €12,50 op 01-02-2026 om 10:30, order 4839201", "Betaald €12,50 op 01-02-2026 om 10:30, order 4839201")]
    public void Mask_Examples_PlaceholdersOnlyWherePersonalData(string text, string expected) =>
        Assert.Equal(expected, CommentMasker.Mask(text));

    [Fact]
    public void Mask_LabelledComments_ThemesOfTheOriginalKept()
    {
        var corpus = Corpus();
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        SurveyResponse Response(int i, string text) => new() { ResponseId = $"R{i}", Rating = NpsRating.From(i % 11), RespondedAt = at, Comment = text };

        var original = ThemeAnalysis.Analyze(corpus.Select((c, i) => Response(i, c.Text)), ThemeTaxonomy.Default);
        var masked = ThemeAnalysis.Analyze(corpus.Select((c, i) => Response(i, CommentMasker.Mask(c.Text))), ThemeTaxonomy.Default);

        Assert.Equal(original.Themes.Select(t => (t.ThemeId, t.Mentions.Count)), masked.Themes.Select(t => (t.ThemeId, t.Mentions.Count)));
    }

    [GeneratedRegex(@"\{\{(\w+)\|(.+?)\}\}")]
    private static partial Regex Marked();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
