using BenchmarkDotNet.Attributes;
using Nps.Insights;

namespace Nps.Benchmarks;

/// <summary>
/// Theme matching of 10,000 realistic Dutch and English comments with the default taxonomy. Baseline: folding every
/// char of the same comments into a buffer (the least any matcher does). <c>Match</c> is what
/// <see cref="ThemeAnalysis"/> calls per comment (pooled buffers, no allocation); <c>FindThemes</c> is the public
/// call that returns a list.
/// </summary>
[MemoryDiagnoser]
public class ThemeBenchmarks
{
    private static readonly string[] Samples =
    [
        "Telefoonwachttijd was echt belachelijk, 45 minuten!", "De medewerker was heel vriendlijk en dacht mee",
        "Ze belde me de volgende dag terug zoals beloofd", "Ze probeerden me een duurder abonnement aan te smeren",
        "Niet vriendelijk, kortaf en ongeïnteresseerd", "Mijn probleem is nog steeds niet opgelost", "Alles prima geregeld",
        "Werd drie keer doorverbonden en moest steeds opnieuw mijn verhaal doen", "Great service, thanks!",
        "Waited on hold for over an hour and nobody called me back", "The agent was not helpful at all",
        "Way overpriced and the salesperson was pushy", "Easy process, no hassle", "Very frienldy staff",
        "Ik ben tevreden, de app werkt goed", "Servicekosten zijn absurd hoog", "Issue resolved on first call",
        "Het duurde een eeuwigheid voor er iemand opnam", "Keep up the good work", "Geen terugkoppeling gehad",
    ];

    private string[] _comments = null!;
    private bool[] _hits = null!;
    private char[] _buffer = null!;

    [Params(10_000)]
    public int Comments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _comments = Enumerable.Range(0, Comments).Select(i => Samples[i % Samples.Length]).ToArray();
        _hits = new bool[ThemeTaxonomy.Default.Themes.Count];
        _buffer = new char[512];
    }

    [Benchmark(Baseline = true, Description = "fold chars (limit)")]
    public int Fold()
    {
        var total = 0;
        foreach (var comment in _comments)
        {
            var length = 0;
            foreach (var c in comment) length += ThemeTextFolding.Fold(c, _buffer.AsSpan(length));
            total += length;
        }

        return total;
    }

    [Benchmark(Description = "ThemeTaxonomy.Match (per comment, no allocation)")]
    public int Match()
    {
        var total = 0;
        foreach (var comment in _comments) total += ThemeTaxonomy.Default.Match(comment, _hits);
        return total;
    }

    [Benchmark(Description = "ThemeTaxonomy.FindThemes")]
    public int FindThemes()
    {
        var total = 0;
        foreach (var comment in _comments) total += ThemeTaxonomy.Default.FindThemes(comment).Count;
        return total;
    }
}
