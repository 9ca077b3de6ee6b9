using Nps.Insights;
using Nps.Intake;
using Nps.Serialization;

namespace Nps.Stores.Tests;

/// <summary>
/// Comment themes from a store's counts and its commented pages equal the in-memory analysis of the same responses
/// (both baselines, equal and unequal probabilities, manual sends in and out, ranges with and without bounds), and
/// read one count row per (rating, manual flag) and exactly the commented (or callback) responses of the range.
/// </summary>
public abstract partial class StoreContractTests
{
    [Theory]
    [InlineData(false, ThemeBaseline.OtherComments, false)]
    [InlineData(true, ThemeBaseline.OtherComments, false)]
    [InlineData(false, ThemeBaseline.AllOtherResponses, true)]
    [InlineData(true, ThemeBaseline.AllOtherResponses, false)]
    public async Task ThemesAnalyzeAsync_StoreCountsAndSlices_EqualInMemoryAnalyzeAndReadOnlyCommentedRows(bool unequalProbabilities, ThemeBaseline baseline, bool includeManual)
    {
        var (responses, views) = await SeedViewsAsync(seed: unequalProbabilities ? 77 : 78, unequalProbabilities);
        var options = new ThemeAnalysisOptions { Baseline = baseline, IncludeManual = includeManual, MinimumMentions = 5, ExamplesPerTheme = 4 };
        (DateTimeOffset? From, DateTimeOffset? To)[] ranges =
        [
            (null, null),
            (new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.FromHours(2)), null), // a local instant in an offset other than UTC
            (new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(330)), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(-4))),
        ];
        foreach (var (from, to) in ranges)
        {
            var inRange = responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to))
                .OrderBy(r => r.RespondedAt).ThenBy(r => r.ResponseId, StringComparer.Ordinal).ToList();
            var expected = NpsJson.Serialize(ThemeAnalysisDocument.From(ThemeAnalysis.Analyze(inRange, ThemeTaxonomy.Default, options)));
            views.Reset();
            var analysis = await ThemeAnalysis.AnalyzeAsync(views, views, ThemeTaxonomy.Default, from, to, options, pageSize: 37, cancellationToken: Cancel);

            Assert.Equal(expected, NpsJson.Serialize(ThemeAnalysisDocument.From(analysis)));
            Assert.True(analysis.CommentsWithTheme > 0 && analysis.Themes.Any(t => t.ImpactTested), $"{from}–{to}: the seed has themes to find");
            Assert.Equal(inRange.Count(r => !string.IsNullOrEmpty(r.Comment) || r.CallbackRequested), views.SliceRowsRead);
            Assert.InRange(views.CountRowsRead, 1, 44); // at most one row per rating × manual × unsolicited
        }
    }

    [Fact]
    public async Task ThemesAnalyzeAsync_EmptyRange_EmptyAnalysisLikeInMemory()
    {
        var (_, views) = await SeedViewsAsync(seed: 79, unequalProbabilities: false, count: 50);
        var from = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var analysis = await ThemeAnalysis.AnalyzeAsync(views, views, ThemeTaxonomy.Default, from, from.AddDays(1), cancellationToken: Cancel);

        Assert.Equal(NpsJson.Serialize(ThemeAnalysisDocument.From(ThemeAnalysis.Analyze([], ThemeTaxonomy.Default))), NpsJson.Serialize(ThemeAnalysisDocument.From(analysis)));
        Assert.Equal(0, views.SliceRowsRead);
    }
}
