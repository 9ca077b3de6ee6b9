using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.Sampling;

namespace Nps.Tests.Sampling;

/// <summary>
/// Relational cadence: no burst when a program starts (with any epoch: the first slot counts from the first sighting),
/// and a minimum gap between two invitations.
/// </summary>
public sealed class RelationalCadenceTests
{
    private static string Customer(int i) => "C" + i.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A new program whose epoch is its launch (30-day cycle; a configuration that keeps working now that the first slot
    /// counts from the first sighting), asked every day about 600 customers: the first invitations are
    /// spread over the first cycle (each customer once, on their slot's day), with no day holding more than a small
    /// share of the base, and day 1 in particular not the whole base.
    /// </summary>
    [Fact]
    public void Decide_NewProgram_FirstInvitationsSpreadOverTheFirstCycle()
    {
        const int customers = 600;
        const int days = 30;
        var t = new TestProgram(TestProgram.InviteAll(o => o with
        {
            Sampling = o.Sampling with
            {
                Epoch = TestProgram.Start,
                RelationalCadence = o.Sampling.RelationalCadence with { CycleDays = days },
            },
        }));
        var perDay = new int[days + 1]; // a slot late on day 30 is first asked about at the start of day 31
        var invited = new HashSet<string>(StringComparer.Ordinal);
        for (var day = 0; day <= days; day++)
        {
            for (var c = 0; c < customers; c++)
            {
                var decision = t.Decide(Customer(c), SurveyKind.Relational);
                if (decision is not InviteDecision) continue;
                perDay[day]++;
                Assert.True(invited.Add(Customer(c)), $"{Customer(c)} invited twice in the first cycle");
                var slot = t.Program.RelationalSlot(Customer(c), t.Clock.GetUtcNow());
                Assert.InRange(t.Clock.GetUtcNow() - slot, TimeSpan.Zero, TimeSpan.FromDays(1));
            }

            t.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(customers, invited.Count);
        Assert.True(perDay[0] <= customers / 10, $"day 1 invited {perDay[0]} of {customers}");
        Assert.True(perDay.Max() <= 3 * customers / days, $"busiest day invited {perDay.Max()}, the mean is {customers / days}");
    }

    [Fact]
    public void Decide_BeforeTheFirstSlot_SuppressedUntilIt()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Epoch = TestProgram.Start } }));
        var customer = Enumerable.Range(0, 100).Select(Customer)
            .First(c => t.Program.RelationalSlot(c, TestProgram.Start) > TestProgram.Start.AddDays(10));
        var first = t.Program.RelationalSlot(customer, TestProgram.Start);

        var early = Assert.IsType<SuppressDecision>(t.Decide(customer, SurveyKind.Relational));

        Assert.Equal(SurveyProgram.RelationalCadenceRule, early.Rule);
        Assert.Equal($"not yet due: first seen 2026-03-02T10:00:00Z, the first relational slot begins {first.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", early.Reason);
        Assert.Equal(first, early.EligibleAgainAt);
        t.Clock.Advance(first - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide(customer, SurveyKind.Relational));
    }

    /// <summary>
    /// A customer invited on the last day of their cycle would be due again a day later, at their next slot; the
    /// minimum gap (here the default, half of a 100-day cycle) keeps them waiting until 50 days after the invitation.
    /// </summary>
    [Theory]
    [InlineData(null, 50.0)]
    [InlineData(20, 20.0)]
    public void Decide_InvitedLateInTheCycle_NextInvitationAfterTheMinimumGap(int? gapDays, double expectedGap)
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with
        {
            Sampling = o.Sampling with
            {
                Epoch = TestProgram.Start,
                RelationalCadence = o.Sampling.RelationalCadence with { CycleDays = 100, MinimumGapDays = gapDays },
            },
        }));
        var slot = t.Program.RelationalSlot("C1", TestProgram.Start);
        var nextSlot = slot.AddDays(100);
        t.Decide("C1", SurveyKind.Relational); // seen at the start: the first slot is the epoch's
        t.Clock.Advance(nextSlot.AddDays(-1) - t.Clock.GetUtcNow());
        var sent = t.Clock.GetUtcNow();
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));

        t.Clock.Advance(TimeSpan.FromDays(2)); // in the next slot
        var tooSoon = Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));

        Assert.Equal(SurveyProgram.RelationalCadenceRule, tooSoon.Rule);
        Assert.Equal(sent.AddDays(expectedGap), tooSoon.EligibleAgainAt);
        Assert.StartsWith("relational survey sent ", tooSoon.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"less than the minimum gap of {expectedGap.ToString(CultureInfo.InvariantCulture)} days ago", tooSoon.Reason, StringComparison.Ordinal);
        t.Clock.Advance(sent.AddDays(expectedGap) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    /// <summary>
    /// Default options: a customer first asked 300 days into their first slot (they had no event before) is invited
    /// then, and not again at their next slot 65 days later, but half a cycle (182.5 days) after that invitation.
    /// </summary>
    [Fact]
    public void Decide_DefaultOptionsInvitedLateInTheFirstCycle_NextAfterHalfACycle()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));
        var firstSlot = t.Program.FirstRelationalSlot("C1", TestProgram.Start);
        t.Clock.Advance(firstSlot.AddDays(300) - t.Clock.GetUtcNow());
        var sent = t.Clock.GetUtcNow();
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));

        t.Clock.Advance(firstSlot.AddDays(366) - t.Clock.GetUtcNow()); // in the next slot
        var tooSoon = Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));

        Assert.Equal(sent.AddDays(182.5), tooSoon.EligibleAgainAt);
        Assert.EndsWith("less than the minimum gap of 182.5 days ago", tooSoon.Reason, StringComparison.Ordinal);
        t.Clock.Advance(sent.AddDays(182.5) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    [Fact]
    public void Decide_ZeroGap_NextSlotIsEnough()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with
        {
            Sampling = o.Sampling with
            {
                Epoch = TestProgram.Start,
                RelationalCadence = o.Sampling.RelationalCadence with { CycleDays = 100, MinimumGapDays = 0 },
            },
        }));
        var nextSlot = t.Program.RelationalSlot("C1", TestProgram.Start).AddDays(100);
        t.Decide("C1", SurveyKind.Relational); // seen at the start: the first slot is the epoch's
        t.Clock.Advance(nextSlot.AddDays(-1) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
        t.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    /// <summary>
    /// Default options (epoch 2024-01-01), launched on 2026-12-01 with 10,000 customers all seen on day one: each is
    /// first invited on the day of their first slot, within the cycle after the sighting, and no day of the cycle
    /// holds more first invitations than Binomial(10,000, 1/365) allows (about twice the mean of 27), nor fewer.
    /// Over a decision store and over a bare ledger (the <c>nps simulate</c> path) alike.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Decide_DefaultOptionsLaunchedLongAfterTheEpoch_FirstInvitationsSpreadOverTheCycle(bool decisionStore)
    {
        const int customers = 10_000;
        var clock = new FakeTimeProvider(RelationalLaunch.Launch);
        var ledger = new InMemoryContactLedger(clock);
        var program = decisionStore
            ? new SurveyProgram(RelationalLaunch.DefaultOptions(), new InMemoryDecisionStore(ledger), clock)
            : new SurveyProgram(RelationalLaunch.DefaultOptions(), ledger, clock);
        var launch = new RelationalLaunch(customers);

        await launch.RunDaysAsync(program, clock, 0, 365);

        launch.AssertSpread(program, seenDay: 0);
    }

    /// <summary>
    /// 10,000 customers seen at launch and 1,000 first seen on day 200: the newcomers' first slots count from their own
    /// sighting (spread over the cycle after day 200, none due at once), the store keeps that sighting, and the
    /// first cohort is not disturbed.
    /// </summary>
    [Fact]
    public async Task Decide_CustomersSeenLater_FirstSlotFromTheirOwnSighting()
    {
        const int early = 10_000;
        const int late = 1_000;
        var clock = new FakeTimeProvider(RelationalLaunch.Launch);
        var store = new InMemoryDecisionStore(new InMemoryContactLedger(clock));
        var program = new SurveyProgram(RelationalLaunch.DefaultOptions(), store, clock);
        var launch = new RelationalLaunch(early + late);

        await launch.RunDaysAsync(program, clock, 0, 199, end: early);
        await launch.RunDaysAsync(program, clock, 200, 565);

        launch.AssertSpread(program, seenDay: 200, first: early);
        Assert.Equal(RelationalLaunch.Launch.AddDays(200), await store.FindFirstSeenAsync(RelationalLaunch.Customer(early), TestContext.Current.CancellationToken));
        Assert.Equal(RelationalLaunch.Launch, await store.FindFirstSeenAsync(RelationalLaunch.Customer(0), TestContext.Current.CancellationToken));
        Assert.All(launch.FirstInvitationDay.Take(early), day => Assert.InRange(day, 1, 365));
    }

    [Fact]
    public void DailyBounds_10000CustomersOver365Days_MatchAnIndependentComputation()
    {
        // Computed apart with exact binomial tails (lgamma) at alpha = 0.001: mean 27.4, so about twice the mean.
        Assert.Equal((6, 55), RelationalLaunch.DailyBounds(10_000, 365));
        Assert.Equal((28, 92), RelationalLaunch.DailyBounds(3_000, 52));
    }

    [Fact]
    public void FirstRelationalSlot_SeenAfterTheEpoch_WithinOneCycleOnTheCustomersGrid()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        var seen = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 200; i++)
        {
            var slot = t.Program.FirstRelationalSlot(Customer(i), seen);
            Assert.InRange(slot, seen, seen.AddDays(365).AddTicks(-1));
            Assert.Equal(slot, t.Program.RelationalSlot(Customer(i), slot)); // a slot of the grid anchored at the epoch
            Assert.Equal(slot, t.Program.FirstRelationalSlot(Customer(i), slot)); // seen at a slot: due at once
        }
    }

    [Fact]
    public void FirstRelationalSlot_EpochAfterTheSighting_EpochPlusTheOffset()
    {
        var launch = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Epoch = launch } }));

        var slot = t.Program.FirstRelationalSlot("C1", TestProgram.Start);

        Assert.Equal(t.Program.RelationalSlot("C1", TestProgram.Start), slot);
        Assert.Equal(launch + t.Program.Sampler.CycleOffset("C1", TimeSpan.FromDays(365)), slot);
    }

    [Fact]
    public async Task Decide_LaterSightings_KeepTheFirstOneAndSayItInTheReason()
    {
        var clock = new FakeTimeProvider(TestProgram.Start.AddMilliseconds(700));
        var store = new InMemoryDecisionStore(new InMemoryContactLedger(clock));
        var program = new SurveyProgram(TestProgram.InviteAll(), store, clock);
        var customer = Enumerable.Range(0, 100).Select(Customer)
            .First(c => program.FirstRelationalSlot(c, TestProgram.Start) > TestProgram.Start.AddDays(30));
        var slot = program.FirstRelationalSlot(customer, TestProgram.Start);

        await program.DecideAsync(TestProgram.Event(customer, "E1", SurveyKind.Relational), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromDays(20));
        var later = Assert.IsType<SuppressDecision>(await program.DecideAsync(TestProgram.Event(customer, "E2", SurveyKind.Relational), TestContext.Current.CancellationToken));

        Assert.Equal(TestProgram.Start, await store.FindFirstSeenAsync(customer, TestContext.Current.CancellationToken)); // to the second
        Assert.Equal($"not yet due: first seen 2026-03-02T10:00:00Z, the first relational slot begins {slot.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", later.Reason);
        Assert.Equal(slot, later.EligibleAgainAt);
        Assert.Null(await store.FindFirstSeenAsync("never-seen", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Decide_TransactionalEvents_DoNotStartTheRelationalClock()
    {
        var clock = new FakeTimeProvider(TestProgram.Start);
        var store = new InMemoryDecisionStore(new InMemoryContactLedger(clock));
        var program = new SurveyProgram(TestProgram.InviteAll(), store, clock);

        await program.DecideAsync(TestProgram.Event("C1", "E1"), TestContext.Current.CancellationToken);

        Assert.Null(await store.FindFirstSeenAsync("C1", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void Validate_MinimumGapOutsideTheCycle_NamesTheOption(int gap)
    {
        var options = TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { RelationalCadence = o.Sampling.RelationalCadence with { MinimumGapDays = gap } } });
        Assert.Equal(
            [new DataError(0, "Sampling:RelationalCadence:MinimumGapDays", $"must be within [0, CycleDays] (it is {gap}; CycleDays is 365).")],
            options.Errors());
    }
}
