using Nps.FollowUp;
using Nps.Huddle;
using Nps.Serialization;

namespace Nps.Stores.Tests;

/// <summary>
/// Follow-ups counted and paged in the store equal the same counts and pages in memory — overdue and late-contact
/// boundaries to the tick, as-of moments in a zone with DST and two with half-hour offsets, owner teams in two spellings
/// (also beyond ASCII), ids up to 3 KB — and the follow-up metrics and the huddle's queue list no follow-up at all.
/// A store's follow-ups written before schema step 13 get their counted columns from the migration.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>A zone with DST, and two with half-hour offsets (one of them with DST).</summary>
    private static readonly string[] FollowUpZones = ["Europe/Amsterdam", "Asia/Kolkata", "Australia/Adelaide"];

    private static readonly string?[] FollowUpTeams = [null, "north", "NORTH", "south", "Équipe", "ÉQUIPE"];

    /// <summary>SQL that takes the store's follow-ups back to schema step 12 (its counted columns and indexes dropped), or null without a schema.</summary>
    protected virtual string? FollowUpsBeforeStep13Sql => null;

    [Fact]
    public async Task CountAsync_SeededFollowUps_EqualInMemoryCountsAtBoundariesInThreeZones()
    {
        var (stores, all) = await SeedFollowUpsAsync(seed: 31);

        foreach (var (query, label) in CountQueries(all))
        {
            var expected = FollowUpCounts.Of(all, query);
            var actual = await stores.FollowUps.CountAsync(query, Cancel);

            Assert.True(Fingerprint(expected) == Fingerprint(actual), $"{label}: expected {Fingerprint(expected)}, got {Fingerprint(actual)}");
            Assert.Equal(FollowUpMetrics.Compute(all.Where(query.Matches), query.AsOf), FollowUpMetrics.From(actual));
        }
    }

    [Fact]
    public async Task CountAsync_Boundaries_DueOnlyAfterTheDueTickAndLateOnlyAfterIt()
    {
        var stores = await OpenAsync();
        var responded = new DateTimeOffset(2026, 3, 29, 0, 59, 59, TimeSpan.Zero).AddTicks(1_234_567); // the night clocks go forward in Europe
        var open = Case("fu-open", responded, "north");
        var onTime = Case("fu-on-time", responded, "north");
        var late = Case("fu-late", responded, "north");
        foreach (var f in new[] { open, onTime, late }) await stores.FollowUps.AddIfAbsentAsync(f, Cancel);
        Assert.True(onTime.TryTransition(FollowUpStatus.Contacted, onTime.DueAt, null, out var contactedOnTime, out _));
        Assert.True(late.TryTransition(FollowUpStatus.Contacted, late.DueAt.AddTicks(1), null, out var contactedLate, out _));
        Assert.True(await stores.FollowUps.TryReplaceAsync(onTime, contactedOnTime, Cancel));
        Assert.True(await stores.FollowUps.TryReplaceAsync(late, contactedLate, Cancel));

        foreach (var zone in FollowUpZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            var atDue = TimeZoneInfo.ConvertTime(open.DueAt, zone);
            var notYet = await stores.FollowUps.CountAsync(new FollowUpCountQuery { AsOf = atDue, Team = "NORTH" }, Cancel);
            var justAfter = await stores.FollowUps.CountAsync(new FollowUpCountQuery { AsOf = atDue.AddTicks(1), Team = "North" }, Cancel);

            Assert.Equal(0, FollowUpMetrics.From(notYet).Overdue);
            Assert.Equal(1, FollowUpMetrics.From(justAfter).Overdue);
            Assert.Equal(1, FollowUpMetrics.From(justAfter).ContactedLate);
            Assert.Equal(1, FollowUpMetrics.From(justAfter).ContactedWithinSla);
            Assert.Equal(TimeSpan.FromHours(48), notYet.MedianTimeToFirstContact!.Value - TimeSpan.FromTicks(0)); // mean of 48 h and 48 h + 1 tick, rounded down
        }
    }

    [Fact]
    public async Task ListPageAsync_WalkedByPosition_SamePagesAsInMemory()
    {
        var (stores, all) = await SeedFollowUpsAsync(seed: 32);
        foreach (var filter in new[] { new FollowUpPageQuery(), new FollowUpPageQuery { Status = FollowUpStatus.Open }, new FollowUpPageQuery { Team = "équipe" },
                     new FollowUpPageQuery { Status = FollowUpStatus.Closed, Team = "NORTH" } })
        {
            var walked = new List<string>();
            var query = filter with { Limit = 7 };
            for (var page = 0; page < 200; page++)
            {
                var read = await stores.FollowUps.ListPageAsync(query, Cancel);
                Assert.Equal(query.Apply(all).Select(f => f.Id), read.Select(f => f.Id));
                walked.AddRange(read.Select(f => f.Id));
                if (read.Count < 7) break;
                query = query with { After = FollowUpListPosition.Of(read[^1]) };
            }

            var expected = all.Where(filter.Matches).OrderBy(FollowUpListPosition.Of).Select(f => f.Id).ToList();
            Assert.True(expected.Count > 7, $"{expected.Count} follow-ups");
            Assert.Equal(expected, walked);
        }
    }

    [Theory]
    [InlineData("2026-03-03")]
    [InlineData("2026-06-01")]
    [InlineData("2027-06-01")]
    public async Task ListOverdueAsync_FromTheStore_ListsOnlyWhatItReturnsMostOverdueFirst(string asOf)
    {
        var (responses, views) = await SeedViewsAsync(seed: 34, unequalProbabilities: false);
        var service = new FollowUpService(views.Stores.FollowUps, timeProvider: Clock);
        await service.CreateFromResponsesAsync(responses, Cancel);
        var all = (await views.Stores.FollowUps.ListAsync(null, Cancel)).ToList();
        foreach (var f in all.Where((_, i) => i % 4 == 0))
        {
            Assert.True(f.TryTransition(FollowUpStatus.Contacted, f.RespondedAt.AddHours(1), null, out var next, out _));
            Assert.True(await views.Stores.FollowUps.TryReplaceAsync(f, next, Cancel));
        }

        all = [.. await views.Stores.FollowUps.ListAsync(null, Cancel)];
        Clock.SetUtcNow(DateTimeOffset.Parse(asOf + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var counting = new CountingFollowUps(views.Stores.FollowUps);

        var overdue = await new FollowUpService(counting, timeProvider: Clock).ListOverdueAsync(Cancel);

        var expected = all.Where(f => f.IsOverdue(Clock.GetUtcNow())).OrderBy(FollowUpListPosition.Of).Select(f => f.Id).ToList();
        Assert.Equal(expected, overdue.Select(f => f.Id));
        Assert.Equal(overdue.Count, counting.RowsListed);
        Assert.True(asOf == "2026-03-03" ? expected.Count < all.Count(f => f.Status == FollowUpStatus.Open) : expected.Count > 0, $"{expected.Count} overdue");
    }

    [Fact]
    public async Task MetricsAndHuddle_FromTheStore_ListNoFollowUpAndEqualInMemory()
    {
        var (responses, views) = await SeedViewsAsync(seed: 33, unequalProbabilities: false);
        var counting = new CountingFollowUps(views.Stores.FollowUps);
        var service = new FollowUpService(views.Stores.FollowUps, timeProvider: Clock);
        await service.CreateFromResponsesAsync(responses, Cancel);
        var all = (await views.Stores.FollowUps.ListAsync(null, Cancel)).ToList();
        Assert.InRange(all.Count, 400, 1_600);
        foreach (var f in all.Where((_, i) => i % 3 == 0))
        {
            var to = f.Id.Length % 2 == 0 ? FollowUpStatus.Contacted : FollowUpStatus.Closed;
            Assert.True(f.TryTransition(to, f.RespondedAt.AddHours(f.Id.Length % 72), null, out var next, out _));
            Assert.True(await views.Stores.FollowUps.TryReplaceAsync(f, next, Cancel));
        }

        all = [.. await views.Stores.FollowUps.ListAsync(null, Cancel)];
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var metrics = await new FollowUpService(counting, timeProvider: Clock).GetMetricsAsync(Cancel);
        Assert.Equal(FollowUpMetrics.Compute(all, Clock.GetUtcNow()), metrics);

        foreach (var zone in FollowUpZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var team in new[] { "north", "South", "nobody" })
            {
                var builder = new HuddleBriefBuilder(new HuddleBriefOptions { Team = team, Period = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 25)), TimeZone = zone, TrendPeriods = 6 });
                var expected = NpsJson.Serialize(HuddleBriefDocument.From(builder.Build(responses, all)));
                var actual = NpsJson.Serialize(HuddleBriefDocument.From(await builder.BuildFromStoresAsync(views, views, counting, null, Cancel)));

                Assert.Equal(expected, actual);
            }
        }

        Assert.Equal(0, counting.RowsListed);
        Assert.InRange(counting.CellsCounted, 1, 10 * 72); // at most one cell per status × category × contacted × late × due, per count
    }

    [Fact]
    public async Task Migrate_FollowUpsStoredBeforeStep13_CountedColumnsBackfilled()
    {
        Assert.SkipWhen(FollowUpsBeforeStep13Sql is null, "This store has no schema to migrate.");
        var (stores, all) = await SeedFollowUpsAsync(seed: 34);
        await stores.Sql!.Execute(FollowUpsBeforeStep13Sql!, Cancel);

        var migrated = await OpenAsync();

        foreach (var (query, label) in CountQueries(all).Where((_, i) => i % 4 == 0))
        {
            Assert.True(Fingerprint(FollowUpCounts.Of(all, query)) == Fingerprint(await migrated.FollowUps.CountAsync(query, Cancel)), label);
        }

        var page = new FollowUpPageQuery { Team = "NORTH", Limit = 1_000 };
        Assert.Equal(page.Apply(all).Select(f => f.Id), (await migrated.FollowUps.ListPageAsync(page, Cancel)).Select(f => f.Id));
        var first = all.OrderBy(FollowUpListPosition.Of).First();
        Assert.Equal(first.Id, (await migrated.FollowUps.ListPageAsync(new FollowUpPageQuery { Limit = 1 }, Cancel)).Single().Id);
    }

    /// <summary>As-of moments around due times (at the tick, one tick after) and local midnights, written in each zone's offset; teams and response bounds.</summary>
    private static IEnumerable<(FollowUpCountQuery Query, string Label)> CountQueries(List<FollowUpCase> all)
    {
        var sample = all.OrderBy(f => f.Id, StringComparer.Ordinal).Where((_, i) => i % 97 == 0).Take(4).ToList();
        foreach (var zone in FollowUpZones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            var moments = sample.SelectMany(f => new[] { f.DueAt, f.DueAt.AddTicks(1), f.DueAt.AddTicks(-1) })
                .Append(new DateTimeOffset(2026, 3, 29, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, 3, 29))))
                .Append(new DateTimeOffset(2026, 4, 5, 0, 0, 0, zone.GetUtcOffset(new DateTime(2026, 4, 5))))
                .Select(at => TimeZoneInfo.ConvertTime(at, zone));
            foreach (var asOf in moments)
            {
                foreach (var team in new[] { null, "north", "équipe", "nobody" })
                {
                    yield return (new FollowUpCountQuery { AsOf = asOf, Team = team }, $"{zone.Id} {asOf:O} {team}");
                    yield return (new FollowUpCountQuery { AsOf = asOf, Team = team, RespondedBy = asOf }, $"{zone.Id} {asOf:O} {team} answered by then");
                    yield return (new FollowUpCountQuery { AsOf = asOf, Team = team, Status = FollowUpStatus.Open, RespondedBy = asOf }, $"{zone.Id} {asOf:O} {team} open");
                    yield return (new FollowUpCountQuery { AsOf = asOf, Team = team, Status = FollowUpStatus.Closed }, $"{zone.Id} {asOf:O} {team} closed");
                }
            }
        }
    }

    /// <summary>Follow-ups over two months (times to the tick, offsets of the zones, some ids 3 KB long), moved to every status with contacts on both sides of the due time.</summary>
    private async Task<(StoreSet Stores, List<FollowUpCase> All)> SeedFollowUpsAsync(int seed, int count = 300)
    {
        var stores = await OpenAsync();
        var random = new Random(seed);
        var zones = FollowUpZones.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        var all = new List<FollowUpCase>(count);
        for (var i = 0; i < count; i++)
        {
            var at = new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 60));
            var id = i % 40 == 0 ? $"fu-{i:D3}-" + new string('é', 1_500) : $"fu-{seed}-{i:D4}";
            var f = Case(id, TimeZoneInfo.ConvertTime(at, zones[i % zones.Length]), FollowUpTeams[random.Next(FollowUpTeams.Length)]) with
            {
                Rating = NpsRating.From(random.Next(0, 11)),
                Reason = i % 5 == 0 ? FollowUpReason.Callback : FollowUpReason.Detractor,
            };
            f = f with { DueAt = f.RespondedAt + (f.Reason == FollowUpReason.Callback ? TimeSpan.FromHours(24) : TimeSpan.FromHours(48)) };
            Assert.True((await stores.FollowUps.AddIfAbsentAsync(f, Cancel)).Added);
            var contactAt = f.DueAt.AddTicks(random.Next(3) - 1).AddHours(random.Next(3) == 0 ? random.Next(-30, 30) : 0);
            var current = f;
            switch (random.Next(4))
            {
                case 1:
                    Assert.True(current.TryTransition(FollowUpStatus.Contacted, contactAt, "called", out var contacted, out _));
                    Assert.True(await stores.FollowUps.TryReplaceAsync(current, contacted, Cancel));
                    current = contacted;
                    break;
                case 2:
                    Assert.True(current.TryTransition(FollowUpStatus.Contacted, contactAt, "called", out var reached, out _));
                    Assert.True(reached.TryTransition(FollowUpStatus.Closed, contactAt.AddHours(2), "sorted", out var closed, out _));
                    Assert.True(await stores.FollowUps.TryReplaceAsync(current, closed, Cancel));
                    current = closed;
                    break;
                case 3:
                    Assert.True(current.TryTransition(FollowUpStatus.Closed, contactAt, "unreachable", out var closedWithout, out _));
                    Assert.True(await stores.FollowUps.TryReplaceAsync(current, closedWithout, Cancel));
                    current = closedWithout;
                    break;
            }

            all.Add(current);
        }

        return (stores, all);
    }

    private static FollowUpCase Case(string id, DateTimeOffset respondedAt, string? team) => new()
    {
        Id = id, ResponseId = id[3..], CustomerId = "customer-" + id.Length, Reason = FollowUpReason.Detractor, Rating = NpsRating.From(3),
        RespondedAt = respondedAt, CreatedAt = respondedAt, DueAt = respondedAt + TimeSpan.FromHours(48), OwnerTeam = team, OwnerAgent = "agent-1",
    };

    private static string Fingerprint(FollowUpCounts counts) =>
        $"{counts.AsOf.UtcTicks} {counts.MedianTimeToFirstContact?.Ticks} " + string.Join(";", counts.Cells.Select(c => $"{c.Status},{c.Category},{c.Contacted},{c.ContactedLate},{c.Due}={c.Count}"));

    /// <summary>A follow-up store that counts the follow-ups it lists and the cells it counts, so a view that lists them fails.</summary>
    private sealed class CountingFollowUps(IFollowUpStore inner) : IFollowUpStore
    {
        public long RowsListed { get; private set; }

        public long CellsCounted { get; private set; }

        public ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public ValueTask<(FollowUpCase Stored, bool Added)> AddIfAbsentAsync(FollowUpCase followUp, CancellationToken cancellationToken = default) =>
            inner.AddIfAbsentAsync(followUp, cancellationToken);

        public ValueTask<bool> TryReplaceAsync(FollowUpCase current, FollowUpCase updated, CancellationToken cancellationToken = default) =>
            inner.TryReplaceAsync(current, updated, cancellationToken);

        public async ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default) =>
            Listed(await inner.ListAsync(status, cancellationToken));

        public async ValueTask<IReadOnlyList<FollowUpCase>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
            Listed(await inner.ListByCustomerAsync(customerId, cancellationToken));

        public async ValueTask<IReadOnlyList<FollowUpCase>> ListPageAsync(FollowUpPageQuery query, CancellationToken cancellationToken = default) =>
            Listed(await inner.ListPageAsync(query, cancellationToken));

        public async ValueTask<FollowUpCounts> CountAsync(FollowUpCountQuery query, CancellationToken cancellationToken = default)
        {
            var counts = await inner.CountAsync(query, cancellationToken);
            CellsCounted += counts.Cells.Count;
            return counts;
        }

        private IReadOnlyList<FollowUpCase> Listed(IReadOnlyList<FollowUpCase> list)
        {
            RowsListed += list.Count;
            return list;
        }
    }
}
