using Nps.Delivery;
using Nps.FollowUp;
using Nps.Huddle;
using Nps.Intake;
using Nps.Sampling;
using Nps.Segmentation;

namespace Nps.Stores.Tests;

/// <summary>Response rates counted in the store, and expired invitations marked by the store.</summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] Agents = ["ann", "bob", "cas", "Ann"];

    [Fact]
    public async Task CountSentAsync_SegmentsPeriodsAndZones_EqualInvitationByInvitationComputation()
    {
        var stores = await OpenAsync();
        await SeedRatesAsync(stores, 160);
        NpsReportOptions[] reports =
        [
            new(),
            new() { Dimensions = ["team"], Period = Period.Week, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") },
            new() { Dimensions = ["agent", "region"], Period = Period.Month, IncludeManual = true },
            new() { Dimensions = ["KIND", "channel"], Period = Period.Day, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), Level = 0.9 },
            new() { Dimensions = ["Team", "touchpoint", "product"], Period = Period.Quarter },
            new() { Dimensions = ["team"], Period = Period.Year, IncludeManual = true },
        ];
        (DateTimeOffset? From, DateTimeOffset? To)[] ranges = [(null, null), (Start.AddDays(9), Start.AddDays(33).AddHours(5))];

        foreach (var report in reports)
        {
            foreach (var (from, to) in ranges)
            {
                var counted = await NpsResponseRates.ComputeAsync(stores.Invitations, report, from, to, Cancel);
                var oneByOne = await NpsResponseRates.ComputeAsync(stores.Invitations.ReadSentAsync(from, to, Cancel), report, Cancel);

                Assert.Equal(oneByOne.Select(Describe), counted.Select(Describe));
            }
        }
    }

    [Fact]
    public async Task CountSentAsync_OverallCell_WilsonIntervalEqualsIndependentComputation()
    {
        var stores = await OpenAsync();
        var (sent, answered) = await SeedRatesAsync(stores, 60);

        var overall = (await NpsResponseRates.ComputeAsync(stores.Invitations, new NpsReportOptions { IncludeManual = true }, cancellationToken: Cancel))[0];

        // Independent: the textbook form with p̂ and z = 1.959963984540054 (95 %).
        const double z = 1.959963984540054;
        var p = (double)answered / sent;
        var centre = (p + (z * z / (2 * sent))) / (1 + (z * z / sent));
        var half = z / (1 + (z * z / sent)) * Math.Sqrt((p * (1 - p) / sent) + (z * z / (4.0 * sent * sent)));
        Assert.Equal((sent, answered), (overall.Sent, overall.Answered));
        Assert.Equal(centre - half, overall.Lower, 1e-9);
        Assert.Equal(centre + half, overall.Upper, 1e-9);
    }

    [Fact]
    public async Task CountSentAsync_NothingSent_NoRows()
    {
        var stores = await OpenAsync();
        await Program(stores).DecideAsync(Event("C1", "E1"), Cancel); // scheduled, never sent

        var cells = await NpsResponseRates.ComputeAsync(stores.Invitations, new NpsReportOptions { Dimensions = ["team"], Period = Period.Week }, cancellationToken: Cancel);

        Assert.Empty(cells);
    }

    [Fact]
    public async Task ExpireAsync_SentPastExpiry_StoredExpiredOnceAndAnswerableLate()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        foreach (var customer in new[] { "C1", "C2", "C3", "C4" }) await program.DecideAsync(Event(customer, "E1"), Cancel);
        var now = Clock.GetUtcNow();
        foreach (var claim in await stores.Invitations.ClaimDueAsync(now, 10, TimeSpan.FromMinutes(5), Cancel))
        {
            var lifetime = claim.Invitation.CustomerId == "C2" ? TimeSpan.FromDays(20) : TimeSpan.FromDays(14);
            if (claim.Invitation.CustomerId != "C4") await stores.Invitations.MarkSentAsync(claim, now, now + lifetime, now.AddDays(3), Cancel);
        }

        var intake = new ResponseIntake(stores.Responses, stores.Ledger, new FollowUpPolicy(), Clock, invitations: stores.Invitations);
        await intake.SubmitAsync(Response("R3", rating: 9, customer: "C3") with { EventId = "E1" }, Cancel);
        var before = (await stores.Invitations.FindAsync(SurveyInvitation.IdFor("C1", "E1"), Cancel))!;

        var expired = await stores.Invitations.ExpireAsync(now.AddDays(14), Cancel);
        var again = await stores.Invitations.ExpireAsync(now.AddDays(14), Cancel);

        Assert.Equal((InvitationStatus.Sent, InvitationStatus.Expired), (before.Status, before.StatusAt(now.AddDays(14))));
        Assert.Equal((1, 0), (expired, again));
        var statuses = new List<InvitationStatus>();
        foreach (var customer in new[] { "C1", "C2", "C3", "C4" }) statuses.Add((await stores.Invitations.FindByEventAsync(customer, "E1", Cancel))!.Status);
        Assert.Equal([InvitationStatus.Expired, InvitationStatus.Sent, InvitationStatus.Answered, InvitationStatus.Scheduled], statuses);
        var first = (await stores.Invitations.FindAsync(SurveyInvitation.IdFor("C1", "E1"), Cancel))!;
        Assert.Equal((InvitationStatus.Expired, (DateTimeOffset?)null), (first.StatusAt(now.AddDays(15)), first.DueAt));
        Assert.DoesNotContain(await stores.Invitations.ClaimDueAsync(now.AddDays(15), 10, TimeSpan.FromMinutes(5), Cancel), c => c.Invitation.Id == first.Id);

        // A late answer through the API (an embedder that delivers itself) still counts as answered, as it did before the mark.
        await intake.SubmitAsync(Response("R1", rating: 7, customer: "C1") with { EventId = "E1" }, Cancel);
        Assert.Equal(InvitationStatus.Answered, (await stores.Invitations.FindAsync(first.Id, Cancel))!.Status);
    }

    [Fact]
    public async Task HuddleBuildAsync_WithInvitations_TeamResponseRateOfItsPeriod()
    {
        var stores = await OpenAsync();
        await SeedRatesAsync(stores, 120);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var period = HuddlePeriod.IsoWeekOf(new DateOnly(2026, 3, 25)); // clocks go forward in Europe that week
        var counts = stores.Counts ?? (INpsCountSource)stores.Responses;
        var slices = (IResponseSliceSource)stores.Responses;
        var sent = new List<SurveyInvitation>();
        await foreach (var invitation in stores.Invitations.ReadSentAsync(cancellationToken: Cancel)) sent.Add(invitation);
        var expected = sent.Where(i => string.Equals(i.Team, "team-1", StringComparison.Ordinal) && !i.IsManual && period.Contains(TimeBucket.LocalDate(i.SentAt!.Value, zone))).ToList();

        var brief = await new HuddleBriefBuilder(new HuddleBriefOptions { Team = "TEAM-1", Period = period, TimeZone = zone, Level = 0.9 })
            .BuildAsync(counts, slices, null, stores.Invitations, Cancel);
        var nobody = await new HuddleBriefBuilder(new HuddleBriefOptions { Team = "nobody", Period = period, TimeZone = zone })
            .BuildAsync(counts, slices, null, stores.Invitations, Cancel);
        var without = await new HuddleBriefBuilder(new HuddleBriefOptions { Team = "team-1", Period = period, TimeZone = zone }).BuildAsync(counts, slices, cancellationToken: Cancel);

        Assert.True(expected.Count > 3, $"{expected.Count} invitations");
        var rate = Assert.IsType<ResponseRateCell>(brief.ResponseRate);
        Assert.Equal((expected.Count, expected.Count(i => i.Status == InvitationStatus.Answered)), ((int)rate.Sent, (int)rate.Answered));
        Assert.Equal(NpsResponseRates.WilsonInterval(rate.Answered, rate.Sent, 0.9), (rate.Lower, rate.Upper));
        Assert.Null(nobody.ResponseRate);
        Assert.Null(without.ResponseRate);
    }

    /// <summary>
    /// Invitations of several teams, agents (two differing only in case), kinds and a free attribute, some manual; sent
    /// every 7 hours over two DST changes (New York, Amsterdam), some left unsent, some answered, some expired.
    /// </summary>
    private async Task<(long Sent, long Answered)> SeedRatesAsync(StoreSet stores, int count)
    {
        var program = Program(stores);
        var intake = new ResponseIntake(stores.Responses, stores.Ledger, new FollowUpPolicy(), Clock, invitations: stores.Invitations);
        for (var i = 0; i < count; i++)
        {
            var touchpoint = Event("C" + i, "E1") with
            {
                Team = i % 5 == 0 ? null : "team-" + (i % 3),
                Agent = Agents[i % Agents.Length],
                Kind = i % 7 == 0 ? SurveyKind.Relational : SurveyKind.Transactional,
                Product = i % 2 == 0 ? "loan" : null,
                Attributes = i % 4 == 0 ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = i % 3 == 0 ? "north" : "south" },
            };
            if (i % 9 == 0) await program.InviteManuallyAsync(touchpoint, "tester", Cancel);
            else await program.DecideAsync(touchpoint, Cancel);
        }

        var claims = await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow().AddDays(1), 10_000, TimeSpan.FromMinutes(5), Cancel);
        long sent = 0, answered = 0;
        foreach (var claim in claims)
        {
            var i = int.Parse(claim.Invitation.CustomerId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            if (i % 10 == 3) continue;
            var at = Start.AddHours(7 * i).AddMinutes(i % 60);
            await stores.Invitations.MarkSentAsync(claim, at, at.AddDays(14), null, Cancel);
            sent++;
        }

        await stores.Invitations.ExpireAsync(Start.AddDays(30), Cancel);
        foreach (var claim in claims)
        {
            var i = int.Parse(claim.Invitation.CustomerId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            if (i % 3 != 1) continue;
            await intake.SubmitAsync(Response("R" + i, rating: i % 11, customer: claim.Invitation.CustomerId) with { EventId = "E1" }, Cancel);
            if (i % 10 != 3) answered++;
        }

        return (sent, answered);
    }

    private static string Describe(ResponseRateCell cell) =>
        string.Join(",", cell.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value))
        + $" | {cell.Period?.Label} | {cell.Sent}/{cell.Answered} | {cell.Rate:R} [{cell.Lower:R}, {cell.Upper:R}]";
}
