using Nps.Ambitions;
using Nps.Huddle;
using Nps.Insights;
using Nps.Intake;
using Nps.Segmentation;
using Nps.Serialization;
using Nps.Stores.Tests.Reporting;

namespace Nps.Stores.Tests;

/// <summary>
/// The analyst views from a store's counts and slices equal the in-memory views over the same responses — coaching,
/// the huddle brief and ambitions, in zones with DST, a half-hour offset and none — and read no more rows than
/// their answer needs: count rows at most one per (cell, rating, manual flag, unsolicited flag) of the answer, and slice rows exactly
/// the commented (or callback) responses the huddle shows.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>A zone with DST, one with a half-hour offset, one a whole day's hours west with DST.</summary>
    private static readonly string[] ViewZones = ["Europe/Amsterdam", "Asia/Kolkata", "America/New_York"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CoachingDetectAsync_StoreCounts_EqualInMemoryDetect(bool unequalProbabilities)
    {
        var (responses, views) = await SeedViewsAsync(seed: unequalProbabilities ? 71 : 70, unequalProbabilities);
        foreach (var zone in ViewZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var (dimension, period) in new[] { ("agent", Period.Month), ("team", Period.Week) })
            {
                var options = new CoachingSignalOptions { Dimension = dimension, Period = period, TimeZone = zone, WindowPeriods = 6, MinimumCount = 20 };
                var detector = new CoachingSignalDetector(options);
                var expected = NpsJson.Serialize(CoachingSignalsDocument.From(detector.Detect(responses), options));
                views.Reset();
                var actual = NpsJson.Serialize(CoachingSignalsDocument.From(await detector.DetectAsync(views, Cancel), options));

                ResponseCounterTests.AssertSameReport(expected, actual, $"{dimension} {period} {zone.Id}");
                var cells = responses.Select(r => (r.GetDimension(dimension), TimeBucket.Of(r.RespondedAt, period, zone))).Distinct().Count();
                Assert.InRange(views.CountRowsRead, 1, cells * 44);
                Assert.Equal(0, views.SliceRowsRead);
            }
        }
    }

    /// <summary>No offset, one with DST inside the seeded range, one with a half-hour offset: local months are UTC months, or UTC months less and plus a boundary day's hours.</summary>
    private static readonly string[] MonthZones = ["UTC", "Europe/Amsterdam", "Asia/Kolkata"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BuildReportAsync_TeamAndAgentByMonth_StoreCountsEqualInMemory(bool unequalProbabilities)
    {
        var (responses, views) = await SeedViewsAsync(seed: unequalProbabilities ? 91 : 90, unequalProbabilities);
        foreach (var zone in MonthZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var dimensions in new string[][] { ["team", "agent"], ["agent", "team"] })
            {
                var options = new NpsReportOptions { Dimensions = dimensions, Period = Period.Month, TimeZone = zone, MinimumCount = 5 };
                var expected = new NpsReportBuilder(options);
                expected.AddRange(responses);
                views.Reset();
                var actual = await views.BuildReportAsync(options, cancellationToken: Cancel);

                ResponseCounterTests.AssertSameReport(Nps.Tests.Segmentation.ReportFingerprint.Of(expected.Build()), Nps.Tests.Segmentation.ReportFingerprint.Of(actual),
                    $"{string.Join(',', dimensions)} {zone.Id}");
                var cells = responses.Select(r => (r.Team, r.Agent, TimeBucket.Of(r.RespondedAt, Period.Month, zone))).Distinct().Count();
                Assert.InRange(views.CountRowsRead, 1, cells * 44);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CoachingDetectAsync_AgentByMonthInUtcAmsterdamKolkata_EqualInMemoryDetect(bool unequalProbabilities)
    {
        var (responses, views) = await SeedViewsAsync(seed: unequalProbabilities ? 93 : 92, unequalProbabilities);
        foreach (var zone in MonthZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            var options = new CoachingSignalOptions { Dimension = "agent", Period = Period.Month, TimeZone = zone, WindowPeriods = 6, MinimumCount = 20 };
            var detector = new CoachingSignalDetector(options);
            var expected = NpsJson.Serialize(CoachingSignalsDocument.From(detector.Detect(responses), options));
            views.Reset();
            var actual = NpsJson.Serialize(CoachingSignalsDocument.From(await detector.DetectAsync(views, Cancel), options));

            ResponseCounterTests.AssertSameReport(expected, actual, zone.Id);
        }
    }

    [Fact]
    public async Task BuildReportAsync_StoreCounts_UnsolicitedLeftOutAndCountedAsInMemory()
    {
        var (responses, views) = await SeedViewsAsync(seed: 77, unequalProbabilities: true, count: 800);
        var unsolicited = responses.Count(r => r.IsUnsolicited);
        Assert.InRange(unsolicited, 40, 130);
        foreach (var zone in ViewZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var include in new[] { false, true })
            {
                var options = new NpsReportOptions { Dimensions = ["team"], Period = Period.Month, TimeZone = zone, MinimumCount = 5, IncludeUnsolicited = include };
                var expected = new NpsReportBuilder(options);
                expected.AddRange(responses);
                var actual = await views.BuildReportAsync(options, cancellationToken: Cancel);

                Assert.Equal(Nps.Tests.Segmentation.ReportFingerprint.Of(expected.Build()), Nps.Tests.Segmentation.ReportFingerprint.Of(actual));
                Assert.Equal(unsolicited, actual.Overall.Unsolicited);
                Assert.Equal(responses.Count(r => !r.IsManual && (include || !r.IsUnsolicited)), actual.Overall.Count);
            }
        }
    }

    [Fact]
    public async Task CoachingDetectAsync_UnderperformingAgent_FiresFromCountsToo()
    {
        var (responses, views) = await SeedViewsAsync(seed: 72, unequalProbabilities: false);
        var options = new CoachingSignalOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"), WindowPeriods = 6, MinimumCount = 20 };

        var fromCounts = await new CoachingSignalDetector(options).DetectAsync(views, Cancel);

        // The seeded agent-7 scores far below its peers every month: the test data has something to find, and both paths find it.
        Assert.Contains(fromCounts, s => s.Kind == CoachingSignalKinds.Underperformance && s.Value == "agent-7");
        Assert.Equal(new CoachingSignalDetector(options).Detect(responses).Select(s => s.Kind + s.Value), fromCounts.Select(s => s.Kind + s.Value));
    }

    [Fact]
    public async Task HuddleBuildAsync_StoreCountsAndSlices_EqualInMemoryBuildAndReadOnlyTheShownRows()
    {
        var (responses, views) = await SeedViewsAsync(seed: 73, unequalProbabilities: true);
        HuddlePeriod[] periods =
        [
            HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 25)), // the week clocks go forward in Europe
            HuddlePeriod.IsoWeekOf(new DateOnly(2026, 10, 21)), // the week before they go back
            HuddlePeriod.FromDates(new DateOnly(2026, 10, 24), new DateOnly(2026, 11, 2)), // ten days over both changes (Europe and America)
        ];
        foreach (var zone in ViewZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var period in periods)
            {
                foreach (var team in new[] { "north", "South", "nobody" })
                {
                    var builder = new HuddleBriefBuilder(new HuddleBriefOptions { Team = team, Period = period, TimeZone = zone, TrendPeriods = 6, MinimumCount = 10 });
                    var expected = NpsJson.Serialize(HuddleBriefDocument.From(builder.Build(responses)));
                    views.Reset();
                    var actual = NpsJson.Serialize(HuddleBriefDocument.From(await builder.BuildAsync(views, views, cancellationToken: Cancel)));

                    Assert.Equal(expected, actual);
                    var shown = responses.Count(r => string.Equals(r.Team, team, StringComparison.OrdinalIgnoreCase)
                        && period.Contains(TimeBucket.LocalDate(r.RespondedAt, zone)) && (!string.IsNullOrEmpty(r.Comment) || r.CallbackRequested));
                    Assert.Equal(shown, views.SliceRowsRead);
                    // The team's spellings from all teams' counts (a row per team, rating and kind at most), then the
                    // team's days alone: at most a row per response of the team, fewer than the other teams would add.
                    var teamValues = responses.Select(r => r.Team).Distinct().Count();
                    var ofTeam = responses.Count(r => string.Equals(r.Team, team, StringComparison.OrdinalIgnoreCase));
                    Assert.InRange(views.CountRowsRead, 0, (teamValues * 44) + ofTeam);
                }
            }
        }
    }

    [Fact]
    public async Task HuddleBuildAsync_SmallPages_SameBriefAsOnePage()
    {
        var (_, views) = await SeedViewsAsync(seed: 74, unequalProbabilities: false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var options = new HuddleBriefOptions { Team = "north", Period = HuddlePeriod.FromDates(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30)), TimeZone = zone };
        var expected = new List<SurveyResponse>();
        var paged = new List<SurveyResponse>();
        var query = new ResponseSliceQuery { From = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), OnlyWithCommentOrCallback = true };

        await foreach (var response in ResponseSlice.ReadAllAsync(views, query with { Limit = ResponseSliceQuery.MaximumLimit }, Cancel)) expected.Add(response);
        await foreach (var response in ResponseSlice.ReadAllAsync(views, query with { Limit = 7 }, Cancel)) paged.Add(response);

        Assert.True(expected.Count > 7 * 3, $"{expected.Count} responses");
        Assert.Equal(expected.Select(r => r.ResponseId), paged.Select(r => r.ResponseId));
        Assert.Equal(NpsJson.Serialize(HuddleBriefDocument.From(await new HuddleBriefBuilder(options).BuildAsync(views, views, cancellationToken: Cancel))),
            NpsJson.Serialize(HuddleBriefDocument.From(await new HuddleBriefBuilder(options).BuildAsync(views, new PagedBy(views, 3), cancellationToken: Cancel))));
    }

    [Fact]
    public async Task ReadSliceAsync_ForeignCursor_ClearError()
    {
        var (_, views) = await SeedViewsAsync(seed: 75, unequalProbabilities: false, count: 50);
        var query = new ResponseSliceQuery { From = DateTimeOffset.MinValue, To = DateTimeOffset.MaxValue, After = "not-a-cursor" };

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await views.ReadSliceAsync(query, Cancel));

        Assert.Contains("not-a-cursor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbitionsEvaluateAsync_StoreCounts_EqualInMemoryEvaluate()
    {
        var (responses, views) = await SeedViewsAsync(seed: 76, unequalProbabilities: true);
        Ambition[] ambitions =
        [
            new("team", "NORTH", 40, new DateOnly(2026, 12, 31), new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 31)),
            new("agent", "agent-7", 20, new DateOnly(2026, 12, 31), new DateOnly(2026, 3, 29), new DateOnly(2026, 5, 31)),
            new("channel", "Chat", 30, new DateOnly(2026, 9, 30), new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)),
            new("team", "east", 30, new DateOnly(2027, 6, 30), new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)),
        ];
        foreach (var zone in ViewZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var (asOf, window, manual) in new[] { (new DateOnly(2026, 10, 25), 90, false), (new DateOnly(2026, 3, 29), 30, true) })
            {
                var options = new AmbitionTrackerOptions { AsOf = asOf, WindowDays = window, TimeZone = zone, IncludeManual = manual, IncludeUnsolicited = manual };
                var expected = NpsJson.Serialize(AmbitionsDocument.From(AmbitionTracker.Evaluate(responses, ambitions, options)));
                views.Reset();
                var actual = NpsJson.Serialize(AmbitionsDocument.From(await AmbitionTracker.EvaluateAsync(views, ambitions, options, Cancel)));

                Assert.Equal(expected, actual);
                Assert.Equal(0, views.SliceRowsRead);
                // One count per (dimension, days) asked, each at most one row per value, rating, manual and unsolicited flag (a day more
                // on each side, by day, only where a bound is not a clean midnight).
                var values = responses.Select(r => r.Team).Concat(responses.Select(r => r.Agent)).Concat(responses.Select(r => r.Channel)).Distinct().Count();
                Assert.InRange(views.CountRowsRead, 1, 7 * values * 44);
            }
        }
    }

    /// <summary>Stores seeded responses over a year (teams in two spellings, an underperforming agent, comments on a fifth, callbacks, manual sends).</summary>
    private async Task<(List<SurveyResponse> Responses, CountingViews Views)> SeedViewsAsync(int seed, bool unequalProbabilities, int count = 1_600)
    {
        var stores = await OpenAsync();
        var random = new Random(seed);
        var provenances = new Random(~seed); // apart, so the other fields stay those of the seed
        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        string?[] teams = ["north", "NORTH", "south", "east", null];
        string[] comments = ["Friendly and quick, thank you", "Waited far too long on hold", "The app keeps crashing", "Nobody called me back", "Great help"];
        var responses = new List<SurveyResponse>(count);
        for (var i = 0; i < count; i++)
        {
            var agent = random.Next(8);
            var rating = agent == 7 ? random.Next(0, 8) : random.Next(3, 11);
            // A third within two hours of a UTC midnight: another local day (or month) in zones a few hours off UTC.
            var at = start.AddDays(random.Next(390)).AddMinutes(i % 3 == 0 ? (22 * 60) + random.Next(240) : random.Next(24 * 60)).AddSeconds(random.Next(60));
            responses.Add(new SurveyResponse
            {
                ResponseId = $"view-{seed}-{i:D5}",
                RespondentId = $"customer-{random.Next(count)}",
                Rating = NpsRating.From(rating),
                RespondedAt = at.ToOffset(TimeSpan.FromMinutes(30 * random.Next(-10, 20))),
                Team = teams[random.Next(teams.Length)],
                Agent = random.Next(12) == 0 ? null : $"agent-{agent}",
                Channel = random.Next(2) == 0 ? "chat" : "phone",
                Comment = random.Next(5) == 0 ? comments[random.Next(comments.Length)] : random.Next(40) == 0 ? " " : null,
                CallbackRequested = random.Next(15) == 0,
                IsManual = random.Next(12) == 0,
                InclusionProbability = unequalProbabilities && random.Next(3) == 0 ? 0.25 : 1,
                Provenance = provenances.Next(10) == 0 ? ResponseProvenance.Unsolicited : ResponseProvenance.Solicited,
            });
        }

        foreach (var response in responses) await stores.Responses.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        return (responses, new CountingViews(stores.Counts ?? (INpsCountSource)stores.Responses, (IResponseSliceSource)stores.Responses) { Stores = stores });
    }

    /// <summary>A store's counts and slices that count the rows they hand out, so a view that reads more than its answer needs fails.</summary>
    private sealed class CountingViews(INpsCountSource counts, IResponseSliceSource slices) : INpsCountSource, IResponseSliceSource
    {
        /// <summary>The stores seeded.</summary>
        public required StoreSet Stores { get; init; }

        /// <summary>The counts counted.</summary>
        public INpsCountSource Counts => counts;

        /// <summary>The slices counted.</summary>
        public IResponseSliceSource Slices => slices;

        public long CountRowsRead { get; private set; }

        public long SliceRowsRead { get; private set; }

        public void Reset() => (CountRowsRead, SliceRowsRead) = (0, 0);

        public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var row in counts.CountAsync(query, cancellationToken))
            {
                CountRowsRead++;
                yield return row;
            }
        }

        public async ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default)
        {
            var slice = await slices.ReadSliceAsync(query, cancellationToken);
            SliceRowsRead += slice.Responses.Count;
            return slice;
        }
    }

    /// <summary>A slice source whose pages hold at most a few responses, whatever the caller asks.</summary>
    private sealed class PagedBy(IResponseSliceSource inner, int limit) : IResponseSliceSource
    {
        public ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default) =>
            inner.ReadSliceAsync(query with { Limit = Math.Min(query.Limit, limit) }, cancellationToken);
    }
}
