using Nps.Fatigue;
using Nps.Intake;
using Nps.Privacy;
using Nps.Sampling;
using Nps.Segmentation;

namespace Nps.Stores.Tests;

/// <summary>
/// The contract for retention (<see cref="IRetentionStore"/>): rows dated before the cutoff go in bounded batches, later
/// rows stay, the rollup-backed counts stay as they were (unlike erasure, which subtracts), each customer's latest
/// consent stays, a repeat or another instance removes nothing more, and the removed bytes are gone from the files.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string RetainedComment = "Quokka-Lighthouse thought the wait was endless";
    private const string OldContact = "cust-RT-9W3K-contact";

    /// <summary>Thirty days before the test clock's start, at UTC midnight (as <see cref="RetentionPolicy"/> makes cutoffs).</summary>
    private static readonly DateTimeOffset ResponseCutoff = new(Start.UtcDateTime.Date.AddDays(-30), TimeSpan.Zero);

    [Fact]
    public async Task EraseResponsesBefore_OldGoneNewKept_RollupCountsUnchanged()
    {
        var stores = await OpenAsync();
        await StoreOldAndNewResponsesAsync(stores);
        var counts = stores.Counts ?? (INpsCountSource)stores.Responses;
        var byMonth = new NpsCountQuery { Period = Period.Month, TimeZone = TimeZoneInfo.Utc };
        var byTeam = new NpsCountQuery { Dimensions = ["team"], Period = Period.Week, TimeZone = TimeZoneInfo.Utc };
        var (monthBefore, teamBefore) = (await ToListAsync(counts.CountAsync(byMonth, Cancel)), await ToListAsync(counts.CountAsync(byTeam, Cancel)));
        var version = await ((IResponseDataVersion)stores.Responses).GetResponseVersionAsync(Cancel);

        var removed = await stores.Retention.EraseResponsesBeforeAsync(ResponseCutoff, 1000, Cancel);

        Assert.Equal(6 + 2, removed); // six responses, and the follow-ups of the two old detractors
        var remaining = await ToListAsync(stores.Responses.ReadAsync(cancellationToken: Cancel));
        Assert.Equal(["NEW-0", "NEW-1", "NEW-2"], remaining.Select(r => r.ResponseId).Order(StringComparer.Ordinal));
        Assert.Null(await stores.Responses.FindAsync("OLD-0", Cancel));
        Assert.Empty((await stores.FollowUps.ListByCustomerAsync(OldContact, Cancel)));
        Assert.Single(await stores.FollowUps.ListByCustomerAsync("C-new", Cancel));
        Assert.Equal(Rows(monthBefore), Rows(await ToListAsync(counts.CountAsync(byMonth, Cancel))));
        Assert.Equal(Rows(teamBefore), Rows(await ToListAsync(counts.CountAsync(byTeam, Cancel))));
        Assert.True(await ((IResponseDataVersion)stores.Responses).GetResponseVersionAsync(Cancel) != version, "the response data version did not move");
        // A free attribute is counted from the rows themselves: only the kept ones.
        var byRegion = await ToListAsync(counts.CountAsync(new NpsCountQuery { Dimensions = ["region"] }, Cancel));
        Assert.Equal(3, byRegion.Sum(r => r.Count));
    }

    [Fact]
    public async Task EraseResponsesBefore_Batches_BoundedThenIdempotentOnEveryInstance()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        for (var i = 0; i < 25; i++)
        {
            var response = Response($"B-{i}", rating: 9, customer: $"C-{i}") with { RespondedAt = Start.AddDays(-200).AddMinutes(i) };
            Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(response, Cancel)).Outcome);
        }

        var batches = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            batches.Add(await stores.Retention.EraseResponsesBeforeAsync(ResponseCutoff, 10, Cancel));
            if (batches[^1] < 10) break;
        }

        Assert.Equal([10, 10, 5], batches);
        Assert.Equal(0, await stores.Retention.EraseResponsesBeforeAsync(ResponseCutoff, 10, Cancel));
        Assert.Equal(0, await (await OpenAsync()).Retention.EraseResponsesBeforeAsync(ResponseCutoff, 10, Cancel));
        var counts = stores.Counts ?? (INpsCountSource)stores.Responses;
        Assert.Equal(25, (await ToListAsync(counts.CountAsync(new NpsCountQuery(), Cancel))).Sum(r => r.Count));
    }

    [Fact]
    public async Task EraseResponsesBefore_StoredBytes_HoldNoRetainedComment()
    {
        var stores = await OpenAsync();
        await StoreOldAndNewResponsesAsync(stores);
        if (await FindStoredTextAsync(RetainedComment) is not { } before) return; // memory: nothing stored to search
        Assert.NotEmpty(before);

        await stores.Retention.EraseResponsesBeforeAsync(ResponseCutoff, 1000, Cancel);

        Assert.Empty((await FindStoredTextAsync(RetainedComment))!);
        Assert.NotEmpty((await FindStoredTextAsync("C-new"))!);
    }

    [Fact]
    public async Task EraseContactsBefore_OldGoneLatestConsentAndRecentKept()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        Assert.IsType<InviteDecision>(await program.DecideAsync(Event(OldContact, "E-old"), Cancel));
        await program.DecideAsync(RelationalEvent(OldContact, "E-old-r"), Cancel); // a relational decision records the first sighting
        Assert.NotNull(await stores.Decisions.FindFirstSeenAsync(OldContact, Cancel));
        await stores.Ledger.RecordAsync("C-consent", ContactRecord.Create(ContactKind.OptIn, Start.AddDays(-10)), Cancel);
        await stores.Ledger.RecordAsync("C-consent", ContactRecord.Create(ContactKind.OptOut, Start.AddDays(-5)), Cancel);
        await stores.Ledger.RecordAsync("C-consent", ContactRecord.Create(ContactKind.Response, Start.AddDays(-4)), Cancel);
        Clock.Advance(TimeSpan.FromDays(400));
        Assert.IsType<InviteDecision>(await program.DecideAsync(Event("C-new", "E-new") with { OccurredAt = Clock.GetUtcNow() }, Cancel));
        await program.DecideAsync(RelationalEvent("C-new", "E-new-r") with { OccurredAt = Clock.GetUtcNow() }, Cancel);
        var cutoff = new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date.AddDays(-90), TimeSpan.Zero);

        var removed = await stores.Retention.EraseContactsBeforeAsync(cutoff, 1000, Cancel);

        Assert.True(removed >= 1 + 2 + 1 + 1 + 2, $"{removed} rows removed"); // C-old's invitation, decisions, contact and first sighting; C-consent's opt-in and response
        Assert.Empty(await stores.Ledger.GetEntriesAsync(OldContact, Cancel));
        Assert.Null(await stores.Decisions.FindAsync(OldContact, "E-old", Cancel));
        Assert.Null(await stores.Decisions.FindAsync(OldContact, "E-old-r", Cancel));
        Assert.Null(await stores.Decisions.FindFirstSeenAsync(OldContact, Cancel));
        Assert.Null(await stores.Invitations.FindByEventAsync(OldContact, "E-old", Cancel));
        Assert.Equal([ContactKind.OptOut], (await stores.Ledger.GetEntriesAsync("C-consent", Cancel)).Select(e => e.Record.Kind));
        Assert.NotEmpty(await stores.Ledger.GetEntriesAsync("C-new", Cancel));
        Assert.NotNull(await stores.Decisions.FindAsync("C-new", "E-new", Cancel));
        Assert.NotNull(await stores.Decisions.FindFirstSeenAsync("C-new", Cancel));
        Assert.NotNull(await stores.Invitations.FindByEventAsync("C-new", "E-new", Cancel));
        Assert.Equal(0, await (await OpenAsync()).Retention.EraseContactsBeforeAsync(cutoff, 1000, Cancel));
        if (await FindStoredTextAsync(OldContact) is { } files) Assert.Empty(files); // the customer's id is gone from the files too
    }

    [Fact]
    public async Task EraseResponsesBefore_TwoInstancesAtOnce_EachRowRemovedOnceCountsKept()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        for (var i = 0; i < 40; i++)
        {
            var response = Response($"P-{i}", rating: i % 11, customer: $"C-{i}") with { RespondedAt = Start.AddDays(-100).AddHours(i) };
            Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(response, Cancel)).Outcome);
        }

        var counts = stores.Counts ?? (INpsCountSource)stores.Responses;
        var query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Day, TimeZone = TimeZoneInfo.Utc };
        var before = Rows(await ToListAsync(counts.CountAsync(query, Cancel)));
        var instances = new[] { stores, await OpenAsync() };

        var removed = await Task.WhenAll(instances.Select(instance => Task.Run(async () =>
        {
            var total = 0;
            for (var i = 0; i < 100; i++)
            {
                var batch = await instance.Retention.EraseResponsesBeforeAsync(ResponseCutoff, 4, Cancel);
                total += batch;
                if (batch < 4) break;
            }

            return total;
        })));

        Assert.Equal(40 + 28, removed.Sum()); // each response, and each detractor's follow-up (ratings 0 to 6), counted by one instance only
        Assert.Empty(await ToListAsync(stores.Responses.ReadAsync(cancellationToken: Cancel)));
        Assert.Equal(before, Rows(await ToListAsync(counts.CountAsync(query, Cancel))));
    }

    [Fact]
    public async Task EraseContactsBefore_Batches_Bounded()
    {
        var stores = await OpenAsync();
        for (var i = 0; i < 7; i++) await stores.Ledger.RecordAsync($"C-{i}", ContactRecord.Create(ContactKind.Response, Start.AddDays(-100)), Cancel);

        Assert.Equal(3, await stores.Retention.EraseContactsBeforeAsync(ResponseCutoff, 3, Cancel));
        Assert.Equal(3, await stores.Retention.EraseContactsBeforeAsync(ResponseCutoff, 3, Cancel));
        Assert.Equal(1, await stores.Retention.EraseContactsBeforeAsync(ResponseCutoff, 3, Cancel));
        Assert.Equal(0, await stores.Retention.EraseContactsBeforeAsync(ResponseCutoff, 3, Cancel));
    }

    [Fact]
    public async Task RetentionPass_PolicyOverStore_RemovesPastKeepingTimeOnlyAndFinishes()
    {
        var stores = await OpenAsync();
        await StoreOldAndNewResponsesAsync(stores);
        var pass = new RetentionPass(stores.Retention, new RetentionPolicy { Responses = TimeSpan.FromDays(30) }, batchSize: 3, timeProvider: Clock);

        var result = await pass.RunOnceAsync(Cancel);

        Assert.Equal(new RetentionPassResult(8, 0, Finished: true), result);
        Assert.Equal(3, (await ToListAsync(stores.Responses.ReadAsync(cancellationToken: Cancel))).Count);
    }

    /// <summary>Count rows as text, in one order (memory counts its retained rows after the stored ones).</summary>
    private static List<string> Rows(IEnumerable<NpsCountRow> rows) => [.. rows.Select(Row).Order(StringComparer.Ordinal)];

    /// <summary>Six responses of C-old from about 400 days back (two detractors with follow-ups), three of C-new from the last days (one detractor).</summary>
    private async Task StoreOldAndNewResponsesAsync(StoreSet stores)
    {
        var intake = Intake(stores);
        int[] oldRatings = [10, 9, 3, 8, 5, 10];
        for (var i = 0; i < oldRatings.Length; i++)
        {
            var response = Response($"OLD-{i}", oldRatings[i], OldContact) with
            {
                RespondedAt = Start.AddDays(-400 + (i * 9)), Team = i % 2 == 0 ? "support" : "sales", Comment = RetainedComment,
            };
            Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(response, Cancel)).Outcome);
        }

        int[] newRatings = [10, 2, 7];
        for (var i = 0; i < newRatings.Length; i++)
        {
            var response = Response($"NEW-{i}", newRatings[i], "C-new") with { RespondedAt = Start.AddDays(-1 - i) };
            Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(response, Cancel)).Outcome);
        }
    }
}
