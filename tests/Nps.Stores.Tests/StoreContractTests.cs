using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Stores.Tests;

/// <summary>
/// The one contract every store implementation passes, unchanged: subclass it, open an instance of every store on
/// storage that is new for each test (xunit makes one class instance per test), and let a second
/// <see cref="OpenAsync"/> open another instance on the same storage (a restart or a second service instance).
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    /// <summary>The sampling key of the test programs.</summary>
    protected const string Key = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==";

    /// <summary>The test clock's start (a Monday).</summary>
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly List<StoreSet> _opened = [];

    /// <summary>The clock every store and program of the test shares.</summary>
    protected FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Opens one instance of every store on this test's storage.</summary>
    /// <param name="clock">The clock the stores use.</param>
    /// <returns>The stores.</returns>
    protected abstract ValueTask<StoreSet> OpenStoresAsync(TimeProvider clock);

    /// <inheritdoc/>
    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var set in _opened) await set.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens (and tracks for disposal) one instance of every store on this test's storage.</summary>
    /// <returns>The stores.</returns>
    protected async ValueTask<StoreSet> OpenAsync()
    {
        var set = await OpenStoresAsync(Clock);
        _opened.Add(set);
        return set;
    }

    // ---- the contact ledger ----------------------------------------------------------------------------------

    [Fact]
    public async Task Ledger_RecordsOutOfOrder_HistoryOldestFirst()
    {
        var stores = await OpenAsync();
        await stores.Ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.Response, Start.AddDays(-1)), Cancel);
        await stores.Ledger.RecordAsync("C1", ContactRecord.Create(ContactKind.Invitation, Start.AddDays(-3)), Cancel);
        await stores.Ledger.RecordAsync("C2", ContactRecord.Create(ContactKind.OptOut, Start.AddDays(-2)), Cancel);

        var history = await stores.Ledger.GetHistoryAsync("C1", Cancel);

        Assert.Equal([ContactKind.Invitation, ContactKind.Response], history.Records.ToArray().Select(r => r.Kind));
        Assert.Equal(0, (await stores.Ledger.GetHistoryAsync("unknown", Cancel)).Count);
        Assert.True(stores.Ledger.Retention >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Ledger_CheckAndRecord1000Concurrent_AtMostOneRecord()
    {
        var stores = await OpenAsync();
        var writes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () =>
            await stores.Ledger.CheckAndRecordAsync("C1", history => history.Count == 0
                ? new LedgerDecision<bool>(true, ContactRecord.Create(ContactKind.Invitation, Start))
                : new LedgerDecision<bool>(false, null), Cancel))));

        Assert.Equal(1, writes.Count(w => w));
        Assert.Equal(1, (await stores.Ledger.GetHistoryAsync("C1", Cancel)).Count);
    }

    // ---- decisions: one transaction per event ----------------------------------------------------------------

    [Fact]
    public async Task Decide_Invitation_LedgerKeepsEventIdAndProbability()
    {
        var stores = await OpenAsync();
        var program = Program(stores, rate: 1.0);

        var decision = await program.DecideAsync(Event("C1", "E1"), Cancel);

        var invite = Assert.IsType<InviteDecision>(decision);
        var entry = Assert.Single(await stores.Ledger.GetEntriesAsync("C1", Cancel));
        Assert.Equal(ContactKind.Invitation, entry.Record.Kind);
        Assert.Equal("E1", entry.EventId);
        Assert.Equal(invite.InclusionProbability, entry.InclusionProbability);
        Assert.Equal(decision, await stores.Decisions.FindAsync("C1", "E1", Cancel), DecisionComparer.Instance);
    }

    [Fact]
    public async Task Decide_RetryLater_ReturnsFirstDecisionAndRecordsNothing()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        var first = await program.DecideAsync(Event("C1", "E1"), Cancel);
        Clock.Advance(TimeSpan.FromHours(1));

        var retry = await program.DecideAsync(Event("C1", "E1"), Cancel);
        var recorded = await stores.Decisions.DecideOnceAsync(new DecisionRequest { CustomerId = "C1", EventId = "E1" },
            _ => throw new InvalidOperationException("must not run for a stored decision"), Cancel);

        Assert.Equal(first, retry, DecisionComparer.Instance);
        Assert.True(recorded.IsReplay);
        Assert.Equal(1, (await stores.Ledger.GetHistoryAsync("C1", Cancel)).Count);
    }

    [Fact]
    public async Task Decide_1000ConcurrentRetriesOfOneEvent_OneDecisionOneInvitation()
    {
        var stores = await OpenAsync();
        var program = Program(stores);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () =>
            await program.DecideAsync(Event("C1", "E1"), Cancel))));

        Assert.All(decisions, d => Assert.Equal(decisions[0], d, DecisionComparer.Instance));
        Assert.IsType<InviteDecision>(decisions[0]);
        Assert.Single(await stores.Ledger.GetEntriesAsync("C1", Cancel));
    }

    [Fact]
    public async Task Decide_1000ConcurrentTouchpointsForOneCustomer_AtMostTheCap()
    {
        var stores = await OpenAsync();
        var program = Program(stores, configure: o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [.. o.Fatigue.FrequencyCaps, new FrequencyCapOptions { MaxInvitations = 2, WindowDays = 30 }] } });

        var decisions = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
            await program.DecideAsync(Event("C1", "E" + i), Cancel))));

        Assert.Equal(2, decisions.Count(d => d is InviteDecision));
        Assert.Equal(2, (await stores.Ledger.GetHistoryAsync("C1", Cancel)).Count);
        Assert.All(decisions.OfType<SuppressDecision>(), d => Assert.Equal(FatigueRuleNames.FrequencyCap, d.Rule));
    }

    [Fact]
    public async Task Decide_QuotaAcrossARestart_ExactCount()
    {
        var quota = new QuotaKey("all", new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 5);
        var first = await OpenAsync();
        var before = Program(first, quota: 5);
        for (var i = 0; i < 3; i++) Assert.IsType<InviteDecision>(await before.DecideAsync(Event("C" + i, "E"), Cancel));

        var second = await OpenAsync(); // a restart: a new instance on the same storage
        var after = Program(second, quota: 5);
        var decisions = new List<SurveyDecision>();
        for (var i = 3; i < 10; i++) decisions.Add(await after.DecideAsync(Event("C" + i, "E"), Cancel));

        Assert.Equal(2, decisions.Count(d => d is InviteDecision));
        Assert.All(decisions.Skip(2), d => Assert.Equal(SurveyProgram.QuotaReachedRule, Assert.IsType<SuppressDecision>(d).Rule));
        Assert.Equal(5, await second.Decisions.GetQuotaUsedAsync(quota, Cancel));
        Assert.Equal(5, await first.Decisions.GetQuotaUsedAsync(quota, Cancel));
    }

    [Fact]
    public async Task Decide_QuotaSharedByTwoInstancesConcurrently_ExactCount()
    {
        var a = Program(await OpenAsync(), quota: 5);
        var b = Program(await OpenAsync(), quota: 5);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? a : b).DecideAsync(Event("C" + i, "E"), Cancel))));

        Assert.Equal(5, decisions.Count(d => d is InviteDecision));
        Assert.Equal(35, decisions.Count(d => d is SuppressDecision { Rule: SurveyProgram.QuotaReachedRule }));
    }

    [Fact]
    public async Task Decide_QuotaNextPeriod_CountsAgain()
    {
        var stores = await OpenAsync();
        var program = Program(stores, quota: 1);
        Assert.IsType<InviteDecision>(await program.DecideAsync(Event("C1", "E"), Cancel));
        Assert.IsType<SuppressDecision>(await program.DecideAsync(Event("C2", "E"), Cancel));

        Clock.Advance(TimeSpan.FromDays(7));

        Assert.IsType<InviteDecision>(await program.DecideAsync(Event("C3", "E"), Cancel));
    }

    // ---- responses: the intake -------------------------------------------------------------------------------

    [Fact]
    public async Task Intake_Retry_ReturnsFirstAndRecordsNothingNew()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        var response = Response("R1", rating: 3);

        var first = await intake.SubmitAsync(response, Cancel);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await intake.SubmitAsync(response, Cancel);

        Assert.Equal(ResponseIntakeOutcome.Created, first.Outcome);
        Assert.Equal(ResponseIntakeOutcome.AlreadyStored, retry.Outcome);
        Assert.Equal(first.Stored!.ReceivedAt, retry.Stored!.ReceivedAt);
        Assert.Equal("fu-R1", first.Stored.FollowUpId);
        Assert.Single((await stores.Ledger.GetHistoryAsync("C1", Cancel)).Records.ToArray(), r => r.Kind == ContactKind.Response);
        Assert.Single(await stores.FollowUps.ListByCustomerAsync("C1", Cancel));
    }

    [Fact]
    public async Task Intake_200ConcurrentPostsOfOneResponse_OneStoredOneContactOneFollowUp()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
            await intake.SubmitAsync(Response("R1", rating: 2), Cancel))));

        Assert.Equal(1, results.Count(r => r.Outcome == ResponseIntakeOutcome.Created));
        Assert.Equal(199, results.Count(r => r.Outcome == ResponseIntakeOutcome.AlreadyStored));
        Assert.Equal(1, (await stores.Ledger.GetHistoryAsync("C1", Cancel)).Count);
        Assert.Single(await stores.FollowUps.ListAsync(null, Cancel));
        Assert.Single((await stores.Responses.ListAsync(100, null, Cancel)).Items);
    }

    [Fact]
    public async Task Intake_SameIdOtherContent_ConflictAndNothingRecorded()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        await intake.SubmitAsync(Response("R1", rating: 9), Cancel);

        var other = await intake.SubmitAsync(Response("R1", rating: 2), Cancel);

        Assert.Equal(ResponseIntakeOutcome.Conflict, other.Outcome);
        Assert.Equal(9, other.Stored!.Response.Rating.Value);
        Assert.Empty(await stores.FollowUps.ListAsync(null, Cancel));
    }

    [Fact]
    public async Task Intake_NoProbabilityStated_TakesItFromTheInvitation()
    {
        var stores = await OpenAsync();
        var program = Program(stores, rate: 0.25, key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        var intake = Intake(stores);
        var invited = await InvitedEventAsync(program, "C1");

        var byEvent = await intake.SubmitAsync(Response("R1", rating: 9) with { EventId = invited }, Cancel);
        var byInvitation = await intake.SubmitAsync(Response("R2", rating: 9) with { InvitationId = invited }, Cancel);
        var stated = await intake.SubmitAsync(Response("R3", rating: 9) with { EventId = invited, InclusionProbability = 0.5 }, Cancel);
        var unknown = await intake.SubmitAsync(Response("R4", rating: 9) with { EventId = "no-such-event" }, Cancel);

        Assert.Equal(0.25, byEvent.Stored!.Response.InclusionProbability);
        Assert.Equal(0.25, byInvitation.Stored!.Response.InclusionProbability);
        Assert.Equal(0.5, stated.Stored!.Response.InclusionProbability);
        Assert.Equal(1, unknown.Stored!.Response.InclusionProbability);
        Assert.Equal(0.25, (await stores.Responses.FindAsync("R1", Cancel))!.Response.InclusionProbability);
    }

    [Fact]
    public async Task Intake_PoisonRecords_RejectedAndLaterReadsWork()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        var program = Program(stores);

        var year9999 = await intake.SubmitAsync(Response("R1", rating: 0) with { RespondedAt = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) }, Cancel);
        var year1 = await intake.SubmitAsync(Response("R2", rating: 0) with { RespondedAt = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) }, Cancel);
        var tiny = await intake.SubmitAsync(Response("R3", rating: 0) with { InclusionProbability = 1e-160 }, Cancel);
        var edge = await intake.SubmitAsync(Response("R4", rating: 0) with { RespondedAt = Start.AddDays(1) }, Cancel);

        Assert.Equal(new DataError(0, "respondedAt", "9999-12-31T00:00:00Z is after 2026-03-03T10:00:00Z (the clock plus 1 day).", "9999-12-31T00:00:00Z"), Assert.Single(year9999.Errors));
        Assert.Equal(new DataError(0, "respondedAt", "0001-01-01T00:00:00Z is before the earliest accepted time 2000-01-01T00:00:00Z.", "0001-01-01T00:00:00Z"), Assert.Single(year1.Errors));
        Assert.Equal(new DataError(0, "inclusionProbability", "1E-160 is below the smallest accepted probability 1E-06.", "1E-160"), Assert.Single(tiny.Errors));
        Assert.Equal(ResponseIntakeOutcome.Created, edge.Outcome);

        // Everything accepted reads back, and the customer can still be decided.
        var page = await stores.Responses.ListAsync(10, null, Cancel);
        Assert.Equal(["R4"], page.Items.Select(r => r.ResponseId));
        Assert.Single(await stores.Responses.ListByRespondentAsync("C1", Cancel));
        Assert.Single(await ToListAsync(stores.Responses.ReadAsync(null, null, Cancel)));
        Assert.Single(await stores.FollowUps.ListAsync(null, Cancel));
        Assert.NotNull(await program.DecideAsync(Event("C1", "E1"), Cancel));
        var reopened = await OpenAsync();
        Assert.Single((await reopened.Responses.ListAsync(10, null, Cancel)).Items);
    }

    [Fact]
    public async Task Responses_Paging_EachResponseOnceInStoredOrder()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        var ids = Enumerable.Range(0, 25).Select(i => "R" + (25 - i).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids) await intake.SubmitAsync(Response(id, rating: 9, customer: "C" + id), Cancel);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await stores.Responses.ListAsync(10, cursor, Cancel);
            seen.AddRange(page.Items.Select(r => r.ResponseId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
        await Assert.ThrowsAsync<ArgumentException>(async () => await stores.Responses.ListAsync(10, "not-a-cursor", Cancel));
    }

    [Fact]
    public async Task Responses_ReadAsync_WindowOldestFirst()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        for (var i = 0; i < 5; i++) await intake.SubmitAsync(Response("R" + i, rating: 9) with { RespondedAt = Start.AddDays(-i) }, Cancel);

        var read = await ToListAsync(stores.Responses.ReadAsync(Start.AddDays(-3), Start, Cancel));

        Assert.Equal(["R3", "R2", "R1"], read.Select(r => r.ResponseId));
        var stored = read[0].Response;
        Assert.Equal(Start.AddDays(-3), stored.RespondedAt);
        Assert.Equal("support", stored.Team);
        Assert.Equal("north", stored.Attributes["region"]);
    }

    // ---- follow-ups ------------------------------------------------------------------------------------------

    [Fact]
    public async Task FollowUps_AddTwiceAndReplaceOptimistically()
    {
        var stores = await OpenAsync();
        var followUp = new FollowUpCase
        {
            Id = "fu-R1", ResponseId = "R1", CustomerId = "C1", Rating = NpsRating.From(2), RespondedAt = Start, CreatedAt = Start, DueAt = Start.AddDays(2),
            Comment = "slow \"delivery\"",
        };

        var (_, added) = await stores.FollowUps.AddIfAbsentAsync(followUp, Cancel);
        var (stored, addedAgain) = await stores.FollowUps.AddIfAbsentAsync(followUp with { Comment = "other" }, Cancel);
        var contacted = followUp with { Status = FollowUpStatus.Contacted, ContactedAt = Start.AddHours(1) };
        var replaced = await stores.FollowUps.TryReplaceAsync(followUp, contacted, Cancel);
        var stale = await stores.FollowUps.TryReplaceAsync(followUp, followUp with { Status = FollowUpStatus.Closed }, Cancel);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(followUp, stored);
        Assert.True(replaced);
        Assert.False(stale);
        Assert.Equal(contacted, await stores.FollowUps.FindAsync("fu-R1", Cancel));
        Assert.Equal([contacted], await stores.FollowUps.ListAsync(FollowUpStatus.Contacted, Cancel));
        Assert.Empty(await stores.FollowUps.ListAsync(FollowUpStatus.Open, Cancel));
        Assert.Equal([contacted], await stores.FollowUps.ListByCustomerAsync("C1", Cancel));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /// <summary>A program on the test clock over the stores' decision store.</summary>
    protected SurveyProgram Program(StoreSet stores, double rate = 1.0, int? quota = null, string key = Key, Func<SurveyProgramOptions, SurveyProgramOptions>? configure = null,
        TimeProvider? clock = null, Privacy.ICustomerEraser? eraser = null)
    {
        var options = new SurveyProgramOptions
        {
            SamplingKey = key,
            Sampling = new()
            {
                Epoch = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), // a Monday: weekly quota periods start on Mondays
                Policies = [new SamplingPolicyOptions { Name = "all", Rate = rate, Quota = quota is { } q ? new QuotaOptions { MaxInvitations = q, PeriodDays = 7 } : null }],
            },
        };
        options = configure?.Invoke(options) ?? options;
        return new SurveyProgram(options, stores.Decisions, clock ?? Clock, eraser);
    }

    /// <summary>The intake on the test clock over the stores.</summary>
    protected ResponseIntake Intake(StoreSet stores) => new(stores.Responses, stores.Ledger, new FollowUpPolicy(), Clock);

    /// <summary>A transactional support-call event.</summary>
    protected static TouchpointEvent Event(string customer, string eventId) => new()
    {
        CustomerId = customer, EventId = eventId, OccurredAt = Start, Touchpoint = "support-call", Channel = "phone",
    };

    /// <summary>A response of a customer, with a team and a free attribute.</summary>
    protected static SurveyResponse Response(string id, int rating, string customer = "C1") => new()
    {
        ResponseId = id, RespondentId = customer, Rating = NpsRating.From(rating), RespondedAt = Start.AddHours(-1), Team = "support",
        Comment = "ok, \"fine\"", Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "north" },
    };

    private static async Task<string> InvitedEventAsync(SurveyProgram program, string customer)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await program.DecideAsync(Event(customer, "E" + i), Cancel) is InviteDecision invite) return invite.EventId;
        }

        throw new InvalidOperationException("no event was sampled in 200 draws at rate 0.25");
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
