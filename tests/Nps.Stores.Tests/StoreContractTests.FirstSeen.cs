using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nps.Sampling;
using Nps.Tests.Sampling;
using Nps.Touchpoints;

namespace Nps.Stores.Tests;

/// <summary>
/// The contract for first sightings (a relational first slot counts from them): recorded once per customer in the
/// decision's transaction, durable across a restart, agreed on by concurrent sightings from several instances.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Decide_FirstSighting_RecordedOnceAndKeptAcrossARestart()
    {
        Clock.Advance(TimeSpan.FromMilliseconds(700)); // recorded to the second
        var first = await OpenAsync();
        await Program(first).DecideAsync(RelationalEvent("C1", "E1"), Cancel);
        Clock.Advance(TimeSpan.FromDays(10));

        var second = await OpenAsync();
        var program = Program(second);
        var later = Assert.IsType<SuppressDecision>(await program.DecideAsync(RelationalEvent("C1", "E2"), Cancel));

        Assert.Equal(Start, await second.Decisions.FindFirstSeenAsync("C1", Cancel));
        Assert.Equal(Start, await first.Decisions.FindFirstSeenAsync("C1", Cancel));
        Assert.Equal(program.FirstRelationalSlot("C1", Start), later.EligibleAgainAt);
        Assert.StartsWith("not yet due: first seen 2026-03-02T10:00:00Z, ", later.Reason, StringComparison.Ordinal);
        Assert.Null(await second.Decisions.FindFirstSeenAsync("C2", Cancel));
    }

    [Fact]
    public async Task DecideOnce_SeenAt_StateHasTheFirstAndNothingOnAReplayOrAFailure()
    {
        var stores = await OpenAsync();
        await Program(stores).DecideAsync(Event("C1", "E1"), Cancel); // transactional: no sighting
        var replay = await stores.Decisions.DecideOnceAsync(new DecisionRequest { CustomerId = "C1", EventId = "E1", SeenAt = Start },
            _ => throw new InvalidOperationException("must not run for a stored decision"), Cancel);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await stores.Decisions.DecideOnceAsync(
            new DecisionRequest { CustomerId = "C1", EventId = "E2", SeenAt = Start }, _ => throw new InvalidOperationException("fails"), Cancel));
        Assert.True(replay.IsReplay);
        Assert.Null(await stores.Decisions.FindFirstSeenAsync("C1", Cancel));

        var seen = new List<DateTimeOffset?>();
        foreach (var (eventId, at) in new[] { ("E3", Start.AddHours(1)), ("E4", Start.AddDays(3)) })
        {
            await stores.Decisions.DecideOnceAsync(new DecisionRequest { CustomerId = "C1", EventId = eventId, SeenAt = at }, state =>
            {
                seen.Add(state.FirstSeenAt);
                return new DecisionCommit(new SuppressDecision { CustomerId = "C1", EventId = eventId, Rule = "test", Reason = "test" });
            }, Cancel);
        }

        Assert.Equal([Start.AddHours(1), Start.AddHours(1)], seen);
        Assert.Equal(Start.AddHours(1), await stores.Decisions.FindFirstSeenAsync("C1", Cancel));
    }

    /// <summary>Forty first sightings of one customer at once, at forty different clocks, through two instances.</summary>
    [Fact]
    public async Task Decide_ConcurrentFirstSightingsOfOneCustomer_AgreeOnOneTime()
    {
        var instances = new[] { await OpenAsync(), await OpenAsync() };
        var probe = Program(instances[0]);
        var customer = Enumerable.Range(0, 100).Select(i => "C" + i).First(c => probe.FirstRelationalSlot(c, Start) > Start.AddDays(2));
        var programs = Enumerable.Range(0, 40).Select(i => Program(instances[i % 2], clock: new FakeTimeProvider(Start.AddSeconds(i)))).ToList();

        var decisions = await Task.WhenAll(programs.Select((p, i) => Task.Run(async () =>
            Assert.IsType<SuppressDecision>(await p.DecideAsync(RelationalEvent(customer, "E" + i), Cancel)))));

        var firstSeen = Assert.IsType<DateTimeOffset>(await instances[1].Decisions.FindFirstSeenAsync(customer, Cancel));
        Assert.InRange(firstSeen, Start, Start.AddSeconds(39));
        var iso = firstSeen.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.All(decisions, d => Assert.StartsWith($"not yet due: first seen {iso}, ", d.Reason, StringComparison.Ordinal));
        Assert.All(decisions, d => Assert.Equal(probe.FirstRelationalSlot(customer, firstSeen), d.EligibleAgainAt));
    }

    /// <summary>
    /// Default options launched on 2026-12-01 (long after the default epoch), every customer seen on day one, the store
    /// re-opened after that day: the first invitations are spread over the cycle within binomial bounds, each on the
    /// day of the customer's first slot as the first instance's sightings set it.
    /// </summary>
    [Fact]
    public async Task Decide_DefaultOptionsLaunchAcrossARestart_FirstInvitationsSpreadOverTheCycle()
    {
        const int customers = 10_000;
        var clock = new FakeTimeProvider(RelationalLaunch.Launch);
        var launch = new RelationalLaunch(customers);
        await launch.RunDaysAsync(new SurveyProgram(RelationalLaunch.DefaultOptions(), (await OpenAsync()).Decisions, clock), clock, 0, 0);

        var reopened = await OpenAsync();
        var program = new SurveyProgram(RelationalLaunch.DefaultOptions(), reopened.Decisions, clock);
        await launch.RunDaysAsync(program, clock, 1, 365);

        launch.AssertSpread(program, seenDay: 0);
        Assert.Equal(RelationalLaunch.Launch, await reopened.Decisions.FindFirstSeenAsync(RelationalLaunch.Customer(customers - 1), Cancel));
    }

    private static TouchpointEvent RelationalEvent(string customer, string eventId) => Event(customer, eventId) with { Kind = SurveyKind.Relational };
}
