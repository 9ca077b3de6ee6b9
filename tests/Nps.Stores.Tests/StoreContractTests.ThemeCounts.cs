using Nps.Insights;
using Nps.Intake;
using Nps.Privacy;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Stores.Tests;

/// <summary>
/// Comment themes from a store's theme counts (<see cref="IThemeCountSource"/>) equal the in-memory analysis of the
/// same responses — over local months in zones with DST, a half-hour offset and none, after erasure and retention
/// deletes, and after the taxonomy changes — and read no comment pages: count rows at most one per theme, flags and
/// probability, and at most the examples shown.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] ThemeZones = ["UTC", "Europe/Amsterdam", "Asia/Kolkata"];

    [Theory]
    [InlineData(false, ThemeBaseline.OtherComments, false)]
    [InlineData(true, ThemeBaseline.OtherComments, true)]
    [InlineData(true, ThemeBaseline.AllOtherResponses, false)]
    public async Task ThemesAnalyzeAsync_ThemeCounts_EqualInMemoryInThreeZonesAndReadNoCommentPages(bool unequalProbabilities, ThemeBaseline baseline, bool includeUnsolicited)
    {
        var (responses, views) = await SeedViewsAsync(seed: unequalProbabilities ? 81 : 80, unequalProbabilities);
        var themes = new CountingThemes(views.Counts, (IThemeCountSource)views.Slices, views.Slices);
        var options = new ThemeAnalysisOptions { Baseline = baseline, IncludeManual = true, IncludeUnsolicited = includeUnsolicited, MinimumMentions = 5, ExamplesPerTheme = 3 };
        foreach (var (from, to) in ThemeRanges())
        {
            await AssertThemesEqualInMemoryAsync(responses, themes, ThemeTaxonomy.Default, from, to, options);
            Assert.Equal(0, themes.SliceRowsRead);
            Assert.InRange(themes.ThemeRowsRead, 0, (ThemeTaxonomy.Default.Themes.Count + 2) * 2 * 2 * 2); // theme × manual × unsolicited × probability
            Assert.InRange(themes.ExampleRowsRead, 0, ThemeTaxonomy.Default.Themes.Count * options.ExamplesPerTheme);
        }
    }

    [Fact]
    public async Task ThemesAnalyzeAsync_AfterErasureAndRetention_ThemeCountsEqualInMemoryOfWhatRemains()
    {
        var (responses, views) = await SeedViewsAsync(seed: 82, unequalProbabilities: true, count: 900);
        var themes = new CountingThemes(views.Counts, (IThemeCountSource)views.Slices, views.Slices);
        await AssertThemesEqualInMemoryAsync(responses, themes, ThemeTaxonomy.Default, null, null, new ThemeAnalysisOptions()); // the counts exist before the deletes

        var stores = views.Stores;
        var erased = responses.Where(r => r.Comment is not null).GroupBy(r => r.RespondentId).OrderByDescending(g => g.Count()).Take(5).Select(g => g.Key).ToList();
        foreach (var customer in erased) await stores.Eraser.EraseCustomerAsync(customer, new CustomerTombstone("hash-" + customer, Clock.GetUtcNow()), Cancel);
        var cutoff = new DateTimeOffset(2026, 1, 10, 13, 0, 0, TimeSpan.Zero);
        Assert.True(await stores.Retention.EraseResponsesBeforeAsync(cutoff, 1_000, Cancel) > 0);
        var remaining = responses.Where(r => !erased.Contains(r.RespondentId) && r.RespondedAt >= cutoff).ToList();

        // Themes start at the retention cutoff (the counts outlive the comments before it), as the route asks.
        foreach (var (from, to) in ThemeRanges().Select(r => (r.From is { } f && f > cutoff ? f : cutoff, r.To)).Where(r => r.To is null || r.To > r.Item1))
        {
            await AssertThemesEqualInMemoryAsync(remaining, themes, ThemeTaxonomy.Default, from, to, new ThemeAnalysisOptions { MinimumMentions = 5 });
            Assert.Equal(0, themes.SliceRowsRead);
        }
    }

    [Fact]
    public async Task ThemesAnalyzeAsync_TaxonomyChanged_RebuiltAndCommentPagesUntilDone()
    {
        var (responses, views) = await SeedViewsAsync(seed: 83, unequalProbabilities: false, count: 700);
        var source = (IThemeCountSource)views.Slices;
        var options = new ThemeAnalysisOptions { MinimumMentions = 5 };
        await AssertThemesEqualInMemoryAsync(responses, new CountingThemes(views.Counts, source, views.Slices), ThemeTaxonomy.Default, null, null, options);
        var other = new ThemeTaxonomy(
        [
            new Theme { Id = "waiting", Name = "Waiting", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["wait*", "hold"] } },
            new Theme { Id = "callback", Name = "Call back", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["called me back", "call*"] } },
        ]);
        Assert.NotEqual(ThemeTaxonomy.Default.Fingerprint, other.Fingerprint);

        // A few comments at a time: until every comment is matched against the new taxonomy, no counts, and the
        // analysis reads the comments themselves (and still equals the in-memory one).
        Assert.False(await source.UpdateThemeCountsAsync(other, 10, Cancel));
        Assert.Null(await source.CountThemesAsync(other, null, null, Cancel));
        Assert.Null(await source.CountThemesAsync(ThemeTaxonomy.Default, null, null, Cancel));
        var slow = new CountingThemes(views.Counts, source, views.Slices, maximumComments: 10);
        await AssertThemesEqualInMemoryAsync(responses, slow, other, null, null, options);
        Assert.True(slow.SliceRowsRead > 0);

        var commented = responses.Count(r => !string.IsNullOrEmpty(r.Comment));
        for (var i = 0; i <= (commented / 10) + 1 && !await source.UpdateThemeCountsAsync(other, 10, Cancel); i++)
        {
        }

        Assert.True(await source.UpdateThemeCountsAsync(other, 10, Cancel));

        var fast = new CountingThemes(views.Counts, source, views.Slices);
        foreach (var (from, to) in ThemeRanges()) await AssertThemesEqualInMemoryAsync(responses, fast, other, from, to, options);
        Assert.Equal(0, fast.SliceRowsRead);

        // New responses after the rebuild are matched by the next analysis.
        var later = responses[0] with { ResponseId = "theme-later", Comment = "I had to wait for an hour", RespondedAt = responses[0].RespondedAt.AddMinutes(1) };
        await views.Stores.Responses.AddAsync(new StoredResponse { Response = later }, null, null, Cancel);
        await AssertThemesEqualInMemoryAsync([.. responses, later], fast, other, null, null, options);
        Assert.Equal(0, fast.SliceRowsRead);
    }

    /// <summary>The whole range, and local months (one across a DST change in Amsterdam) in each theme zone.</summary>
    private static IEnumerable<(DateTimeOffset? From, DateTimeOffset? To)> ThemeRanges()
    {
        yield return (null, null);
        foreach (var zone in ThemeZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            yield return (Local(zone, 2026, 3, 1), Local(zone, 2026, 4, 1));
            yield return (Local(zone, 2025, 12, 1), Local(zone, 2026, 6, 1));
            yield return (Local(zone, 2026, 10, 1), null);
        }

        static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day)
        {
            var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
    }

    private async Task AssertThemesEqualInMemoryAsync(IReadOnlyList<SurveyResponse> responses, CountingThemes themes, ThemeTaxonomy taxonomy,
        DateTimeOffset? from, DateTimeOffset? to, ThemeAnalysisOptions options)
    {
        var inRange = responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to))
            .OrderBy(r => r.RespondedAt).ThenBy(r => r.ResponseId, StringComparer.Ordinal).ToList();
        var expected = NpsJson.Serialize(ThemeAnalysisDocument.From(ThemeAnalysis.Analyze(inRange, taxonomy, options)));
        themes.Reset();
        var analysis = await ThemeAnalysis.AnalyzeAsync(themes, themes, taxonomy, from, to, options, cancellationToken: Cancel);

        Assert.Equal(expected, NpsJson.Serialize(ThemeAnalysisDocument.From(analysis)));
        Assert.True(analysis.CommentsWithTheme > 0, $"{from}–{to}: the seed has themes to find");
    }

    /// <summary>A store's counts, slices and theme counts that count the rows they hand out (and can match only a few comments per update).</summary>
    private sealed class CountingThemes(INpsCountSource counts, IThemeCountSource themes, IResponseSliceSource slices, int? maximumComments = null)
        : INpsCountSource, IResponseSliceSource, IThemeCountSource
    {
        public long SliceRowsRead { get; private set; }

        public long ThemeRowsRead { get; private set; }

        public long ExampleRowsRead { get; private set; }

        public void Reset() => (SliceRowsRead, ThemeRowsRead, ExampleRowsRead) = (0, 0, 0);

        public IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, CancellationToken cancellationToken = default) => counts.CountAsync(query, cancellationToken);

        public async ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default)
        {
            var slice = await slices.ReadSliceAsync(query, cancellationToken);
            SliceRowsRead += slice.Responses.Count;
            return slice;
        }

        public ValueTask<bool> UpdateThemeCountsAsync(ThemeTaxonomy taxonomy, int maximum, CancellationToken cancellationToken = default) =>
            themes.UpdateThemeCountsAsync(taxonomy, Math.Min(maximum, maximumComments ?? maximum), cancellationToken);

        public async ValueTask<IReadOnlyList<ThemeCountRow>?> CountThemesAsync(ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until, CancellationToken cancellationToken = default)
        {
            var rows = await themes.CountThemesAsync(taxonomy, start, until, cancellationToken);
            ThemeRowsRead += rows?.Count ?? 0;
            return rows;
        }

        public async ValueTask<IReadOnlyList<ThemeExample>> ReadThemeExamplesAsync(ThemeTaxonomy taxonomy, int theme, DateTimeOffset? start, DateTimeOffset? until, int limit,
            bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken = default)
        {
            var examples = await themes.ReadThemeExamplesAsync(taxonomy, theme, start, until, limit, includeManual, includeUnsolicited, cancellationToken);
            ExampleRowsRead += examples.Count;
            return examples;
        }
    }
}
