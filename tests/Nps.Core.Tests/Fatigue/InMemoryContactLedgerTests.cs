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
        var t = new TestProgram(TestProgram.InviteAll(o => o.Fatigue.FrequencyCaps.Add(new FrequencyCapOptions { MaxInvitations = 3, WindowDays = 30 })));
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
        var t = new TestProgram(TestProgram.InviteAll(o => o.Fatigue.Cooldowns.Add(new CooldownOptions { After = CooldownTrigger.Invitation, Days = 7 })));
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
        const int customers = 100_000;
        var clock = new FakeTimeProvider(TestProgram.Start);
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var ids = Enumerable.Range(0, customers).Select(i => "C" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var ledger = new InMemoryContactLedger(clock, expectedCustomers: customers);

        // A year of history per customer: 4 invitations, 2 responses, 1 follow-up.
        foreach (var id in ids)
        {
            for (var k = 0; k < 4; k++) TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Invitation, TestProgram.Start.AddDays(-90 * k)), TestContext.Current.CancellationToken));
            TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Response, TestProgram.Start.AddDays(-89)), TestContext.Current.CancellationToken));
            TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Response, TestProgram.Start.AddDays(-179)), TestContext.Current.CancellationToken));
            TestProgram.Sync(ledger.RecordAsync(id, ContactRecord.Create(ContactKind.FollowUp, TestProgram.Start.AddDays(-88)), TestContext.Current.CancellationToken));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(ledger);
        var perCustomer = (after - before) / (double)customers;
        var withIds = (after - start) / (double)customers;
        GC.KeepAlive(ids);

        // Ids excluded (they exist before the ledger): 7 records = 56 bytes of payload + array header + dictionary entry.
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"in-memory ledger: {perCustomer:F0} bytes per customer (7 records, ids not counted); {withIds:F0} with 8-character ids");
        Assert.Equal(customers, ledger.CustomerCount);
        Assert.InRange(perCustomer, 56, 160);
    }
}
