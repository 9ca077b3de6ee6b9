using Nps.Intake;
using Nps.Segmentation;
using Nps.Tests.Segmentation;

namespace Nps.Stores.Tests.Reporting;

/// <summary>
/// Reports counted in a store's SQL equal the in-memory report builder fed the same responses one by one: seeded
/// responses around DST changes (spring and autumn, north and south, a 30-minute shift, a 45-minute offset) and
/// period ends, every period kind, built-in, derived and free dimensions, missing and empty values, manual sends and
/// unequal inclusion probabilities.
/// </summary>
public abstract class ResponseCounterTests : IAsyncLifetime
{
    private const int Responses = 1_200;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>How a counter reads: as shipped, always from the daily rollups where it can, or never from them.</summary>
    public enum CounterMode
    {
        /// <summary>As shipped: rollups where they serve the query.</summary>
        Auto,

        /// <summary>Rollups whenever the query can be served, however many days need raw rows.</summary>
        Rollups,

        /// <summary>The responses alone.</summary>
        Raw,
    }

    /// <summary>Every mode, for checking that they agree.</summary>
    protected static readonly CounterMode[] Modes = [CounterMode.Auto, CounterMode.Rollups, CounterMode.Raw];

    /// <summary>Opens a store on new storage: where to add responses and what counts them (in each mode).</summary>
    protected abstract Task<(IResponseStore Store, Func<CounterMode, INpsCountSource> Counter)> OpenAsync();

    /// <summary>Turns the storage into one from before the rollups existed (schema version 1, responses kept), then migrates it again.</summary>
    protected abstract Task RemoveRollupsAndMigrateAsync();

    /// <summary>Turns the database back into one of schema 3 (rollups of days and weeks, no month rows) and migrates it again.</summary>
    protected abstract Task RemoveMonthRowsAndMigrateAsync();

    /// <summary>Turns the database back into one of schema 7 (rollups keyed by the manual flag alone) and migrates it again.</summary>
    protected abstract Task RemoveUnsolicitedKeyAndMigrateAsync();

    /// <summary>Whether the downgrades keep each response's provenance (SQLite's go back before schema 6, which added it).</summary>
    protected virtual bool DowngradeKeepsProvenance => true;

    /// <summary>Retention over the storage <see cref="OpenAsync"/> opened last.</summary>
    protected abstract Nps.Privacy.IRetentionStore Retention();

    /// <summary>Runs SQL on the storage (to tamper with the rollups).</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <inheritdoc/>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task BuildReportAsync_SeededResponsesAcrossDst_EqualsInMemoryBuilder()
    {
        var (store, counters) = await OpenAsync();
        var responses = CountTestData.Responses(seed: 20261025, count: Responses);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        foreach (var options in CountTestData.Options())
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses);
            foreach (var mode in Modes)
            {
                var actual = await counters(mode).BuildReportAsync(options, cancellationToken: Cancel);
                Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
            }
        }
    }

    [Fact]
    public async Task BuildReportAsync_RollupsAcrossZonesAndCutDays_EqualRawAndInMemory()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 31, count: 1_500);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        foreach (var (options, from, to) in SpreadOptions())
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to)));
            var fingerprint = ReportFingerprint.Of(expected.Build());
            foreach (var mode in Modes)
            {
                var actual = await counters(mode).BuildReportAsync(options, from, to, Cancel);
                AssertSameReport(fingerprint, ReportFingerprint.Of(actual), $"{mode} {string.Join(',', options.Dimensions)} {options.Period} {options.TimeZone.Id} [{from:O}, {to:O})");
            }
        }
    }

    [Fact]
    public async Task BuildReportAsync_EveryWeightOne_RollupsCountOnlyAndEqualInMemory()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 13, count: 800).Select(r => r with { InclusionProbability = 1 }).ToList();
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        foreach (var (options, from, to) in SpreadOptions().Where((_, i) => i % 2 == 0))
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to)));
            var actual = await counters(CounterMode.Rollups).BuildReportAsync(options, from, to, Cancel);
            Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
        }
    }

    [Fact]
    public async Task CountAsync_AfterRetention_AsShippedReadsTheRollupsOfWholeDays()
    {
        var (store, counters) = await OpenAsync();
        var day0 = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var responses = Enumerable.Range(0, 50).Select(i => new SurveyResponse
        {
            ResponseId = $"R{i}", RespondentId = $"C{i}", Rating = NpsRating.From(i % 11), RespondedAt = day0.AddDays(i / 10).AddHours(1 + (i % 10 * 2)),
            Team = "t" + (i % 3),
        }).ToList();
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        // Five days, the first and last cut at noon: as shipped, two raw days of five make the raw query the cheaper one.
        var query = new NpsCountQuery { Period = Period.Day, TimeZone = TimeZoneInfo.Utc, From = day0.AddHours(12), To = day0.AddDays(4).AddHours(12) };
        var before = await SumAsync(counters(CounterMode.Auto), query);

        await Retention().EraseResponsesBeforeAsync(day0.AddDays(10), 1000, Cancel);

        Assert.Equal(responses.Count(r => r.RespondedAt >= query.From && r.RespondedAt < query.To), before);
        Assert.Equal(30, await SumAsync(counters(CounterMode.Auto), query)); // the three whole days, from their rollups; the cut halves are gone
        Assert.Equal(0, await SumAsync(counters(CounterMode.Raw), query));
        Assert.Equal(50, await SumAsync(counters(CounterMode.Auto), new NpsCountQuery { Period = Period.Month, TimeZone = TimeZoneInfo.Utc }));
        Assert.Equal(50, await SumAsync(counters(CounterMode.Auto), new NpsCountQuery { Dimensions = ["team"] }));

        static async Task<long> SumAsync(INpsCountSource counter, NpsCountQuery query)
        {
            long sum = 0;
            await foreach (var row in counter.CountAsync(query, Cancel)) sum += row.Count;
            return sum;
        }
    }

    [Fact]
    public Task BuildReportAsync_DatabaseFromBeforeRollups_MigrationBuildsThem() => AssertMigratedReportsAsync(RemoveRollupsAndMigrateAsync, seed: 47, part: 0);

    [Fact]
    public Task BuildReportAsync_DatabaseFromBeforeMonthRows_MigrationBuildsThem() => AssertMigratedReportsAsync(RemoveMonthRowsAndMigrateAsync, seed: 48, part: 1);

    [Fact]
    public Task BuildReportAsync_DatabaseFromBeforeTheUnsolicitedKey_MigrationRebuildsTheRollups() =>
        AssertMigratedReportsAsync(RemoveUnsolicitedKeyAndMigrateAsync, seed: 49, part: 2, keepsProvenance: true);

    [Fact]
    public async Task BuildReportAsync_UnsolicitedResponses_LeftOutAndCountedUnlessIncluded()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 53, count: 500);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var unsolicited = responses.Count(r => r.Provenance == ResponseProvenance.Unsolicited);
        var left = responses.Count(r => r.Provenance != ResponseProvenance.Unsolicited && !r.IsManual);
        Assert.InRange(unsolicited, 30, 100);

        foreach (var mode in Modes)
        {
            foreach (var dimensions in new string[][] { [], ["team"] })
            {
                var options = new NpsReportOptions { Dimensions = dimensions, Period = Period.Month };
                var excluded = await counters(mode).BuildReportAsync(options, cancellationToken: Cancel);
                Assert.Equal(left, excluded.Overall.Count);
                Assert.Equal(unsolicited, excluded.Overall.Unsolicited);
                Assert.Equal(unsolicited, excluded.Cells.Sum(c => c.Unsolicited));
                var included = await counters(mode).BuildReportAsync(options with { IncludeUnsolicited = true }, cancellationToken: Cancel);
                Assert.Equal(responses.Count(r => !r.IsManual), included.Overall.Count);
            }
        }
    }

    /// <summary>Responses stored, the database downgraded and migrated, more stored: reports equal the in-memory builder's.</summary>
    private async Task AssertMigratedReportsAsync(Func<Task> downgradeAndMigrate, int seed, int part, bool keepsProvenance = false)
    {
        var (store, counters) = await OpenAsync();
        // A downgrade before the provenance column forgets it: those responses come back solicited.
        var forgets = !keepsProvenance && !DowngradeKeepsProvenance;
        var responses = SpreadResponses(seed, count: 600).Select((r, i) => forgets && i < 400 ? r with { Provenance = ResponseProvenance.Solicited } : r).ToList();
        foreach (var response in responses.Take(400)) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        await downgradeAndMigrate();
        foreach (var response in responses.Skip(400)) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        foreach (var (options, from, to) in SpreadOptions().Where((_, i) => i % 3 == part))
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to)));
            var actual = await counters(CounterMode.Rollups).BuildReportAsync(options, from, to, Cancel);
            AssertSameReport(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual), $"{string.Join(',', options.Dimensions)} {options.Period} {options.TimeZone.Id}");
        }
    }

    [Fact]
    public async Task CountAsync_RollupsOfOneDimension_SameRowsAsRaw()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 5, count: 500);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var query = new NpsCountQuery { Dimensions = ["TEAM"], Period = Period.Month, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata") };

        var raw = await RowsAsync(counters(CounterMode.Raw), query);
        var rollups = await RowsAsync(counters(CounterMode.Rollups), query);

        // Counts and sums per row are the same; a rollup row's probability bounds are those of its whole (period, value, manual) cell.
        Assert.Equal(raw.Select(Key), rollups.Select(Key));
        Assert.Equal(raw.Select(r => r.WeightSum), rollups.Select(r => r.WeightSum), (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Abs(a));
        Assert.Equal(raw.Select(r => r.SquaredWeightSum), rollups.Select(r => r.SquaredWeightSum), (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Abs(a));

        static string Key(NpsCountRow r) => $"{r.Period!.Value.Label} {r.DimensionValues[0] ?? "(null)"} {r.Rating.Value} {r.IsManual} {r.Count}";
    }

    [Fact]
    public async Task CountAsync_TeamAndAgent_ReadFromThePairRollups()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 6, count: 500).Select((r, i) => i % 50 == 0 ? r with { Team = "n:1-ö😀", Agent = "-" } : r).ToList();
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var query = new NpsCountQuery { Dimensions = ["team", "agent"], Period = Period.Month, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
        var raw = await RowsAsync(counters(CounterMode.Raw), query);

        Assert.Equal(Keys(raw), Keys(await RowsAsync(counters(CounterMode.Rollups), query)));
        Assert.Contains(raw, r => r.DimensionValues[0] == "n:1-ö😀" && r.DimensionValues[1] == "-");

        // The pair rows are what the rollup read reads: tampering with them shows there, never in the raw read.
        await ExecuteAsync("UPDATE nps_response_days SET c10 = c10 + 1000 WHERE dimension = 'team,agent' AND span = 31");
        Assert.NotEqual(raw.Sum(r => r.Count), (await RowsAsync(counters(CounterMode.Rollups), query)).Sum(r => r.Count));
        Assert.Equal(Keys(raw), Keys(await RowsAsync(counters(CounterMode.Raw), query)));

        // Sorted whole: rows with an empty and a missing value sort alike by the rows' own order.
        static List<string> Keys(List<NpsCountRow> rows) =>
            [.. rows.Select(r => $"{r.Period!.Value.Label} {r.DimensionValues[0] ?? "(null)"} {r.DimensionValues[1] ?? "(null)"} {r.Rating.Value} {r.IsManual} {r.Count}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task CountAsync_LocalMonthsOffUtc_ReadFromTheMonthRowsLessTheirEdgeHours()
    {
        var (store, counters) = await OpenAsync();
        var random = new Random(12);
        var start = new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);
        var responses = Enumerable.Range(0, 400).Select(i => new SurveyResponse
        {
            ResponseId = $"M{i}", RespondentId = $"C{i}", Rating = NpsRating.From(random.Next(11)), Team = i % 3 == 0 ? "north" : "south",
            // Every third response in the two hours before a UTC midnight: the local (Amsterdam) next day, or next month.
            RespondedAt = start.AddDays(random.Next(110)).AddHours(i % 3 == 0 ? 22 + random.NextDouble() * 2 : random.NextDouble() * 22),
        }).ToList();
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Month, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
        var raw = await RowsAsync(counters(CounterMode.Raw), query);

        Assert.Equal(raw.Select(Key), (await RowsAsync(counters(CounterMode.Rollups), query)).Select(Key));

        // Every UTC month of stored days is read as its month row (span 31) — at least March, April and May for both
        // teams: tampering with the month rows shows in the rollup read, never in the raw one.
        await ExecuteAsync("UPDATE nps_response_days SET c10 = c10 + 1000 WHERE span = 31 AND dimension = 'team'");
        var added = (await RowsAsync(counters(CounterMode.Rollups), query)).Sum(r => r.Count) - raw.Sum(r => r.Count);
        Assert.Equal(raw.Select(Key), (await RowsAsync(counters(CounterMode.Raw), query)).Select(Key));
        Assert.True(added >= 1000 * 3 * 2 && added % 1000 == 0, $"{added} added");

        static string Key(NpsCountRow r) => $"{r.Period!.Value.Label} {r.DimensionValues[0]} {r.Rating.Value} {r.IsManual} {r.Count}";
    }

    [Fact]
    public async Task CountAsync_MoreDimensionsThanTheLimit_RefusedBeforeCounting()
    {
        var (store, counters) = await OpenAsync();
        var responses = SpreadResponses(seed: 3, count: 50);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        string[] five = ["team", "agent", "channel", "product", "touchpoint"];

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RowsAsync(counters(CounterMode.Auto), new NpsCountQuery { Dimensions = five }));
        var allowed = await RowsAsync(counters(CounterMode.Auto), new NpsCountQuery { Dimensions = five, MaxDimensions = 5 });

        Assert.StartsWith("A report groups by at most 4 dimensions; 5 were given.", error.Message, StringComparison.Ordinal);
        Assert.Equal(responses.Count, allowed.Sum(r => r.Count));
    }

    [Fact]
    public async Task CountAsync_AttributeNamesWithBackslashesQuotesAndDots_CountedUnderTheirValues()
    {
        var (store, counters) = await OpenAsync();
        string[] names = ["x\\y", "a\"b", "\\\"", "\\", "x.y z", "\\u0041", "[0]"];
        var attributes = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => $"VAL{p.i}", StringComparer.Ordinal);
        var response = new SurveyResponse
        {
            ResponseId = "A1", Rating = NpsRating.From(9), RespondedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), Attributes = attributes,
        };
        await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);

        foreach (var name in names)
        {
            var row = Assert.Single(await RowsAsync(counters(CounterMode.Raw), new NpsCountQuery { Dimensions = [name] }));
            Assert.Equal(attributes[name], row.DimensionValues[0]);
        }
    }

    /// <summary>
    /// Two report fingerprints are equal but for their numbers, which agree to a relative 1e-9 (sums taken in
    /// another order differ in the last bits, and a printed digit can round either way).
    /// </summary>
    internal static void AssertSameReport(string expected, string actual, string context)
    {
        var number = new System.Text.RegularExpressions.Regex(@"-?\d+(\.\d+)?(E[-+]?\d+)?");
        var same = number.Replace(expected, "#") == number.Replace(actual, "#");
        var a = number.Matches(expected).Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var b = number.Matches(actual).Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        same = same && a.Count == b.Count && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First)));
        Assert.True(same, $"{context}:\n{expected}\n---\n{actual}");
    }

    /// <summary>The rows of a query, in a fixed order.</summary>
    protected static async Task<List<NpsCountRow>> RowsAsync(INpsCountSource counter, NpsCountQuery query)
    {
        var rows = new List<NpsCountRow>();
        await foreach (var row in counter.CountAsync(query, Cancel)) rows.Add(row);
        return [.. rows.OrderBy(r => r.Period).ThenBy(r => r.DimensionValues.Count == 0 ? "" : r.DimensionValues[0] ?? "\0", StringComparer.Ordinal)
            .ThenBy(r => r.Rating.Value).ThenBy(r => r.IsManual)
            // One key may come in several rows (split by probability, or a boundary day read raw beside the rollups), in
            // whatever order the database returns them: order those too.
            .ThenBy(r => r.Count).ThenBy(r => r.WeightSum)];
    }

    /// <summary>
    /// The seeded responses around DST changes and period ends, half of them moved by whole days over ten months, so
    /// most UTC days lie wholly inside a period (read from the rollups) and many hold a boundary (read raw).
    /// </summary>
    protected static IReadOnlyList<SurveyResponse> SpreadResponses(int seed, int count)
    {
        var random = new Random(seed);
        return [.. CountTestData.Responses(seed, count).Select(r => random.Next(2) == 0 ? r : r with { RespondedAt = r.RespondedAt.AddDays(random.Next(-150, 150)) })];
    }

    /// <summary>
    /// Single built-in dimensions (and none, and team with agent in either order) by every period, in zones with DST (Amsterdam; Lord Howe's 30-minute
    /// shift) and non-whole-hour offsets (Kolkata, St John's), over everything and over a range cut inside days.
    /// </summary>
    protected static IEnumerable<(NpsReportOptions Options, DateTimeOffset? From, DateTimeOffset? To)> SpreadOptions()
    {
        string[] zones = ["Europe/Amsterdam", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "UTC"];
        string[][] dimensions = [[], ["team"], ["agent"], ["Survey_Kind"], ["channel"], ["team", "agent"], ["Agent", "TEAM"]];
        Period?[] periods = [null, Period.Day, Period.Week, Period.Month, Period.Quarter, Period.Year];
        (DateTimeOffset?, DateTimeOffset?)[] ranges =
        [
            (null, null),
            (new DateTimeOffset(2026, 2, 10, 13, 17, 5, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 0, 59, 59, 500, TimeSpan.Zero)),
            (new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), null),
        ];
        var index = 0;
        foreach (var zone in zones)
        {
            foreach (var period in periods)
            {
                foreach (var (from, to) in ranges)
                {
                    index++;
                    yield return (new NpsReportOptions
                    {
                        Dimensions = dimensions[index % dimensions.Length],
                        Period = period,
                        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
                        MinimumCount = 5,
                        IncludeManual = index % 2 == 0,
                        IncludeUnsolicited = index % 3 == 0,
                    }, from, to);
                }
            }
        }
    }

    [Fact]
    public async Task BuildReportAsync_FromTo_CountsOnlyThatRange()
    {
        var (store, counters) = await OpenAsync();
        var counter = counters(CounterMode.Auto);
        var responses = CountTestData.Responses(seed: 11, count: 400);
        foreach (var response in responses) await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        var from = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var options = new NpsReportOptions
        {
            Dimensions = ["team"], Period = Period.Day, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), MinimumCount = 3,
        };

        var expected = new NpsReportBuilder(options);
        expected.AddRange(responses.Where(r => r.RespondedAt >= from && r.RespondedAt < to));
        var actual = await counter.BuildReportAsync(options, from, to, Cancel);

        Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
    }

    [Fact]
    public async Task CountAsync_AroundTheAutumnChange_LocalDaysOfBerlin()
    {
        var (store, counters) = await OpenAsync();
        // 2026-10-25: Berlin goes from +02:00 to +01:00 at 01:00 UTC. 22:30 UTC on the 24th is 00:30 on the 25th
        // (summer time); 23:30 UTC on the 25th is 00:30 on the 26th (winter time).
        DateTimeOffset[] instants =
        [
            new(2026, 10, 24, 21, 59, 59, TimeSpan.Zero), // 23:59:59 on the 24th
            new(2026, 10, 24, 22, 30, 0, TimeSpan.Zero), // 00:30 on the 25th
            new(2026, 10, 25, 22, 59, 59, TimeSpan.Zero), // 23:59:59 on the 25th
            new(2026, 10, 25, 23, 30, 0, TimeSpan.Zero), // 00:30 on the 26th
        ];
        for (var i = 0; i < instants.Length; i++)
        {
            await store.AddAsync(new StoredResponse
            {
                Response = new SurveyResponse { ResponseId = "R" + i, Rating = NpsRating.From(10), RespondedAt = instants[i] },
            }, null, null, Cancel);
        }

        var query = new NpsCountQuery { Period = Period.Day, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };
        foreach (var mode in Modes)
        {
            var rows = await RowsAsync(counters(mode), query);
            Assert.Equal(["2026-10-24:1", "2026-10-25:2", "2026-10-26:1"], rows.Select(r => $"{r.Period!.Value.Label}:{r.Count}"));
        }
    }
}
