using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;

namespace Nps.Tests.Fatigue;

public sealed class InMemoryContactLedgerTests
{
    [Fact]
    public void Decide_1000ConcurrentEventsForOneCustomer_InvitesAtMostTheCap()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [.. o.Fatigue.FrequencyCaps, new FrequencyCapOptions { MaxInvitations = 3, WindowDays = 30 }] } }));
        var invited = 0;

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            if (t.Decide(TestProgram.Event("C1", "E" + i)) is InviteDecision) Interlocked.Increment(ref invited);
        });

        Assert.Equal(3, invited);
        Assert.Equal(3, t.History("C1").Count);
    }

    [Fact]
    public async Task Decide_1000ConcurrentTasksWithCooldown_InvitesOnce()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { Cooldowns = [.. o.Fatigue.Cooldowns, new CooldownOptions { After = CooldownTrigger.Invitation, Days = 7 }] } }));
        var decisions = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Task.Run(() => t.Program.DecideAsync(TestProgram.Event("C1", "E" + i)).AsTask(), TestContext.Current.CancellationToken)));

        Assert.Single(decisions, d => d is InviteDecision);
        Assert.Equal(999, decisions.Count(d => d is SuppressDecision { Rule: FatigueRuleNames.CooldownAfterInvitation }));
    }

    [Fact]
    public void Record_OutOfOrder_KeepsHistorySortedAndForgetsPastRetentionButNotConsent()
    {
        var clock = new FakeTimeProvider(TestProgram.Start);
        var ledger = new InMemoryContactLedger(clock, TimeSpan.FromDays(100));
        TestProgram.Sync(ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.OptOut, TestProgram.Start), TestContext.Current.CancellationToken));
        TestProgram.Sync(ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.Invitation, TestProgram.Start.AddDays(2)), TestContext.Current.CancellationToken));
        TestProgram.Sync(ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.Response, TestProgram.Start.AddDays(1)), TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromDays(150));
        TestProgram.Sync(ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.FollowUp, clock.GetUtcNow()), TestContext.Current.CancellationToken));

        var history = TestProgram.Sync(ledger.GetHistoryAsync("C1", TestContext.Current.CancellationToken));

        Assert.Equal([ContactKind.OptOut, ContactKind.FollowUp], history.Records.ToArray().Select(r => r.Kind));
        Assert.True(history.IsOptedOut);
    }

    [Fact]
    public void History_IsASnapshot()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        t.Decide();
        var before = t.History("C1");
        t.Decide();

        Assert.Equal(1, before.Count);
        Assert.Equal(2, t.History("C1").Count);
    }

    [Fact]
    public void ContactRecord_PacksTimeKindAndFlags_RoundingUpToTheMillisecond()
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1);
        var record = ContactRecord.Create(ContactKind.Invitation, at, SurveyKind.Relational, isManual: true);

        Assert.Equal(at.UtcDateTime.AddTicks(-1).AddMilliseconds(1), record.At.UtcDateTime);
        Assert.Equal(ContactKind.Invitation, record.Kind);
        Assert.Equal(SurveyKind.Relational, record.Survey);
        Assert.True(record.IsManual);
        Assert.Equal(record, ContactRecord.FromPacked(record.Packed));
        Assert.Throws<ArgumentOutOfRangeException>("packed", () => ContactRecord.FromPacked(-1));
    }

    [Fact]
    public void Memory_AYearOfHistory_BytesPerCustomer()
    {
        // Measures the ledger's own arrays, not the process, so other tests running at the same time cannot move it.
        const int customers = 10_000;
        var clock = new FakeTimeProvider(TestProgram.Start);
        var ledger = new InMemoryContactLedger(clock, expectedCustomers: customers);

        // A year of history per customer: 4 invitations, 2 responses, 1 follow-up.
        for (var c = 0; c < customers; c++)
        {
            var id = "C" + c.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            for (var k = 0; k < 4; k++) TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Invitation, TestProgram.Start.AddDays(-90 * k)), TestContext.Current.CancellationToken));
            TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Response, TestProgram.Start.AddDays(-89)), TestContext.Current.CancellationToken));
            TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Response, TestProgram.Start.AddDays(-179)), TestContext.Current.CancellationToken));
            TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.FollowUp, TestProgram.Start.AddDays(-88)), TestContext.Current.CancellationToken));
        }

        // 7 records of 8 bytes in one exact-size array with its 24-byte header.
        Assert.Equal(customers, ledger.CustomerCount);
        Assert.Equal(customers * (24 + (7 * 8)), ledger.RecordArrayBytes);
    }
}
