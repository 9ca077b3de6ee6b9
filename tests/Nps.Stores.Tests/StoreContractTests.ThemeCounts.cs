using Nps.Insights;
using Nps.Intake;
using Nps.Privacy;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Stores.Tests;

/// <summary>
/// Comment themes from a store's theme counts (<see cref="IThemeCountSource"/>), once a <see cref="ThemeCountMatcher"/>
/// has caught up, equal the in-memory analysis of the same responses — over local months in zones with DST, a
/// half-hour offset and none, after erasure and retention deletes, after the taxonomy changes, and with two matchers
/// (two store instances) at once — and read no comment pages: count rows at most one per theme, flags and
/// probability, the examples of every theme in one read and at most those shown. Until the matcher catches up, an
/// analysis answers from the counts as they stand and says how many comments wait.
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
        Assert.True((await new ThemeCountMatcher(themes, ThemeTaxonomy.Default).CatchUpAsync(cancellationToken: Cancel)).IsCurrent);
        var options = new ThemeAnalysisOptions { Baseline = baseline, IncludeManual = true, IncludeUnsolicited = includeUnsolicited, MinimumMentions = 5, ExamplesPerTheme = 3 };
        foreach (var (from, to) in ThemeRanges())
        {
            await AssertThemesEqualInMemoryAsync(responses, themes, ThemeTaxonomy.Default, from, to, options);
            Assert.Equal(0, themes.SliceRowsRead);
            Assert.InRange(themes.ThemeRowsRead, 0, (ThemeTaxonomy.Default.Themes.Count + 2) * 2 * 2 * 2); // theme × manual × unsolicited × probability
            Assert.InRange(themes.ExampleRowsRead, 0, ThemeTaxonomy.Default.Themes.Count * options.ExamplesPerTheme);
            Assert.Equal(1, themes.ExampleReads);
        }
    }

    [Fact]
    public async Task ThemesAnalyzeAsync_AfterErasureAndRetention_ThemeCountsEqualInMemoryOfWhatRemains()
    {
        var (responses, views) = await SeedViewsAsync(seed: 82, unequalProbabilities: true, count: 900);
        var themes = new CountingThemes(views.Counts, (IThemeCountSource)views.Slices, views.Slices);
        Assert.True((await new ThemeCountMatcher(themes, ThemeTaxonomy.Default).CatchUpAsync(cancellationToken: Cancel)).IsCurrent);
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
    public async Task ThemesAnalyzeAsync_TaxonomyChanged_CountsAsTheyStandWithPendingUntilTheMatcherCatchesUp()
    {
        var (responses, views) = await SeedViewsAsync(seed: 83, unequalProbabilities: false, count: 700);
        var source = (IThemeCountSource)views.Slices;
        var options = new ThemeAnalysisOptions { MinimumMentions = 5 };
        var commented = responses.Count(r => !string.IsNullOrEmpty(r.Comment));

        // Nothing matched yet: no theme counts, every comment pending, and the analysis matches none itself.
        var unmatched = new CountingThemes(views.Counts, source, views.Slices);
        var before = await ThemeAnalysis.AnalyzeAsync(unmatched, unmatched, ThemeTaxonomy.Default, cancellationToken: Cancel);
        Assert.Equal(commented, before.PendingComments);
        Assert.Equal(0, before.CommentsWithTheme);
        Assert.Equal(0, unmatched.SliceRowsRead);
        Assert.Equal(commented, (await source.CountThemesAsync(ThemeTaxonomy.Default, null, null, Cancel)).Pending);

        Assert.True((await new ThemeCountMatcher(source, ThemeTaxonomy.Default).CatchUpAsync(cancellationToken: Cancel)).IsCurrent);
        await AssertThemesEqualInMemoryAsync(responses, new CountingThemes(views.Counts, source, views.Slices), ThemeTaxonomy.Default, null, null, options);
        var other = new ThemeTaxonomy(
        [
            new Theme { Id = "waiting", Name = "Waiting", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["wait*", "hold"] } },
            new Theme { Id = "callback", Name = "Call back", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["called me back", "call*"] } },
        ]);
        Assert.NotEqual(ThemeTaxonomy.Default.Fingerprint, other.Fingerprint);

        // Ten comments matched against the new taxonomy: its counts hold those ten and say the rest wait; the old
        // taxonomy's counts are gone (no rows, every comment pending).
        var update = await source.UpdateThemeCountsAsync(other, 10, Cancel);
        Assert.Equal(new ThemeCountUpdate(10, commented - 10), update);
        Assert.False(update.IsCurrent);
        var partial = await source.CountThemesAsync(other, null, null, Cancel);
        Assert.Equal(commented - 10, partial.Pending);
        Assert.InRange(partial.Rows.Where(r => r.Theme == ThemeCountRow.Commented).Sum(r => r.Mentions.Count), 1, 10);
        var old = await source.CountThemesAsync(ThemeTaxonomy.Default, null, null, Cancel);
        Assert.Empty(old.Rows);
        Assert.Equal(commented, old.Pending);
        Assert.All(await source.ReadThemeExamplesAsync(ThemeTaxonomy.Default, [0, 1], null, null, 5, true, true, Cancel), Assert.Empty);
        var slow = new CountingThemes(views.Counts, source, views.Slices);
        var stale = await ThemeAnalysis.AnalyzeAsync(slow, slow, other, null, null, options, cancellationToken: Cancel);
        Assert.Equal(commented - 10, stale.PendingComments);
        Assert.Equal(commented - 10, ThemeAnalysisDocument.From(stale).Pending);
        Assert.Equal(0, slow.SliceRowsRead);

        // A matcher with small pages catches up, a bounded number of pages.
        var matcher = new ThemeCountMatcher(source, other, pageSize: 25);
        var caughtUp = await matcher.CatchUpAsync(maximumPages: (commented / 25) + 2, Cancel);
        Assert.Equal(new ThemeCountUpdate(commented - 10, 0), caughtUp);

        var fast = new CountingThemes(views.Counts, source, views.Slices);
        foreach (var (from, to) in ThemeRanges()) await AssertThemesEqualInMemoryAsync(responses, fast, other, from, to, options);
        Assert.Equal(0, fast.SliceRowsRead);

        // A new response waits for the matcher: the analysis says so, then counts it once the matcher has run.
        var later = responses[0] with { ResponseId = "theme-later", Comment = "I had to wait for an hour", RespondedAt = responses[0].RespondedAt.AddMinutes(1) };
        await views.Stores.Responses.AddAsync(new StoredResponse { Response = later }, null, null, Cancel);
        Assert.Equal(1, (await ThemeAnalysis.AnalyzeAsync(fast, fast, other, null, null, options, cancellationToken: Cancel)).PendingComments);
        Assert.Equal(new ThemeCountUpdate(1, 0), await matcher.CatchUpAsync(cancellationToken: Cancel));
        await AssertThemesEqualInMemoryAsync([.. responses, later], fast, other, null, null, options);
        Assert.Equal(0, fast.SliceRowsRead);
    }

    [Fact]
    public async Task ThemeCountMatcher_TwoInstancesAtOnce_CountEachCommentOnceLikeInMemory()
    {
        var (responses, views) = await SeedViewsAsync(seed: 84, unequalProbabilities: true, count: 1_200);
        var second = await OpenAsync(); // another instance on the same storage: another process, as far as the store can tell
        var first = new ThemeCountMatcher((IThemeCountSource)views.Slices, ThemeTaxonomy.Default, pageSize: 30);
        var other = new ThemeCountMatcher((IThemeCountSource)second.Responses, ThemeTaxonomy.Default, pageSize: 30);
        var pages = (responses.Count / 30) + 2;

        var both = await Task.WhenAll(
            Task.Run(() => first.CatchUpAsync(pages, Cancel), Cancel),
            Task.Run(() => other.CatchUpAsync(pages, Cancel), Cancel));

        // Each ends current; together they matched every comment once (a comment is matched by one of them).
        var finished = await first.CatchUpAsync(cancellationToken: Cancel);
        Assert.True(finished.IsCurrent);
        Assert.Equal(responses.Count(r => !string.IsNullOrEmpty(r.Comment)), both.Sum(u => (long)u.Matched) + finished.Matched);
        var options = new ThemeAnalysisOptions { IncludeManual = true, MinimumMentions = 5, ExamplesPerTheme = 2 };
        foreach (var (from, to) in ThemeRanges())
        {
            await AssertThemesEqualInMemoryAsync(responses, new CountingThemes(views.Counts, (IThemeCountSource)views.Slices, views.Slices), ThemeTaxonomy.Default, from, to, options);
            await AssertThemesEqualInMemoryAsync(responses, new CountingThemes(views.Counts, (IThemeCountSource)second.Responses, views.Slices), ThemeTaxonomy.Default, from, to, options);
        }
    }

    [Fact]
    public async Task ReadThemeExamplesAsync_SeveralThemesInOneRead_SameAsOneThemeAtATime()
    {
        var (_, views) = await SeedViewsAsync(seed: 85, unequalProbabilities: false, count: 900);
        var source = (IThemeCountSource)views.Slices;
        Assert.True((await new ThemeCountMatcher(source, ThemeTaxonomy.Default).CatchUpAsync(cancellationToken: Cancel)).IsCurrent);
        int[] themes = [.. Enumerable.Range(0, ThemeTaxonomy.Default.Themes.Count).Reverse()];
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(330));
        foreach (var (manual, unsolicited) in new[] { (false, false), (true, true), (true, false) })
        {
            var together = await source.ReadThemeExamplesAsync(ThemeTaxonomy.Default, themes, from, null, 3, manual, unsolicited, Cancel);
            Assert.Equal(themes.Length, together.Count);
            for (var i = 0; i < themes.Length; i++)
            {
                var alone = (await source.ReadThemeExamplesAsync(ThemeTaxonomy.Default, [themes[i]], from, null, 3, manual, unsolicited, Cancel)).Single();
                Assert.Equal(alone, together[i]);
                Assert.InRange(together[i].Count, 0, 3);
            }

            Assert.Contains(together, e => e.Count == 3);
        }
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
        Assert.Equal(0, analysis.PendingComments);
        Assert.True(analysis.CommentsWithTheme > 0, $"{from}–{to}: the seed has themes to find");
    }

    /// <summary>A store's counts, slices and theme counts that count the rows and example reads they hand out.</summary>
    private sealed class CountingThemes(INpsCountSource counts, IThemeCountSource themes, IResponseSliceSource slices)
        : INpsCountSource, IResponseSliceSource, IThemeCountSource
    {
        public long SliceRowsRead { get; private set; }

        public long ThemeRowsRead { get; private set; }

        public long ExampleRowsRead { get; private set; }

        public int ExampleReads { get; private set; }

        public void Reset() => (SliceRowsRead, ThemeRowsRead, ExampleRowsRead, ExampleReads) = (0, 0, 0, 0);

        public IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, CancellationToken cancellationToken = default) => counts.CountAsync(query, cancellationToken);

        public async ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default)
        {
            var slice = await slices.ReadSliceAsync(query, cancellationToken);
            SliceRowsRead += slice.Responses.Count;
            return slice;
        }

        public ValueTask<ThemeCountUpdate> UpdateThemeCountsAsync(ThemeTaxonomy taxonomy, int maximum, CancellationToken cancellationToken = default) =>
            themes.UpdateThemeCountsAsync(taxonomy, maximum, cancellationToken);

        public async ValueTask<ThemeCountSnapshot> CountThemesAsync(ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until, CancellationToken cancellationToken = default)
        {
            var snapshot = await themes.CountThemesAsync(taxonomy, start, until, cancellationToken);
            ThemeRowsRead += snapshot.Rows.Count;
            return snapshot;
        }

        public async ValueTask<IReadOnlyList<IReadOnlyList<ThemeExample>>> ReadThemeExamplesAsync(ThemeTaxonomy taxonomy, IReadOnlyList<int> asked, DateTimeOffset? start,
            DateTimeOffset? until, int limit, bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken = default)
        {
            var examples = await themes.ReadThemeExamplesAsync(taxonomy, asked, start, until, limit, includeManual, includeUnsolicited, cancellationToken);
            ExampleRowsRead += examples.Sum(e => e.Count);
            ExampleReads++;
            return examples;
        }
    }
}
