using Nps.Intake;
using Nps.Privacy;
using Nps.Sampling;
using Nps.Segmentation;

namespace Nps.Stores.Tests;

/// <summary>
/// The contract for erasure (<see cref="ICustomerEraser"/>): every row about the customer goes, in every table, the
/// rollups stay equal to the rows, the response data version moves, the stored bytes hold neither the id nor the
/// comment afterwards, and the tombstone refuses the customer's old rows when they are sent again.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string ErasedCustomer = "cust-7Q4XW-erase";
    private const string ErasedComment = "Zebrafinch-Marmalade said the agent was rude";

    /// <summary>
    /// Where the storage still holds a text (file names, or table names), or <see langword="null"/> for a storage that
    /// cannot be searched (memory).
    /// </summary>
    protected virtual Task<IReadOnlyList<string>?> FindStoredTextAsync(string text) => Task.FromResult<IReadOnlyList<string>?>(null);

    [Fact]
    public async Task EraseCustomer_EveryTable_NothingOfTheCustomerLeftOthersKept()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await StoreCustomerEverywhereAsync(stores, program);
        var version = await ((IResponseDataVersion)stores.Responses).GetResponseVersionAsync(Cancel);

        var removed = await Erasure(stores, program).EraseCustomerAsync(ErasedCustomer, Cancel);

        Assert.True(removed >= 5, $"{removed} rows removed");
        Assert.Empty((await stores.Ledger.GetEntriesAsync(ErasedCustomer, Cancel)));
        Assert.Empty(await stores.Responses.ListByRespondentAsync(ErasedCustomer, Cancel));
        Assert.Empty(await stores.FollowUps.ListByCustomerAsync(ErasedCustomer, Cancel));
        Assert.Null(await stores.Responses.FindAsync("ER-1", Cancel));
        Assert.Single(await stores.Responses.ListByRespondentAsync("C-keep", Cancel));
        Assert.NotEmpty(await stores.Ledger.GetEntriesAsync("C-keep", Cancel));
        Assert.True(await ((IResponseDataVersion)stores.Responses).GetResponseVersionAsync(Cancel) != version, "the response data version did not move");
        var other = await OpenAsync(); // another instance sees the same
        Assert.Empty(await other.Responses.ListByRespondentAsync(ErasedCustomer, Cancel));
    }

    [Fact]
    public async Task EraseCustomer_Rollups_EqualTheRemainingRows()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await StoreCustomerEverywhereAsync(stores, program);
        var query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Month, TimeZone = TimeZoneInfo.Utc };
        var counts = stores.Counts ?? (INpsCountSource)stores.Responses;
        var before = await ToListAsync(counts.CountAsync(query, Cancel));

        await Erasure(stores, program).EraseCustomerAsync(ErasedCustomer, Cancel);

        var remaining = await ToListAsync(stores.Responses.ReadAsync(cancellationToken: Cancel));
        var fromRows = NpsCounts.Count(remaining.Select(r => r.Response), query).ToList();
        var fromStore = await ToListAsync(counts.CountAsync(query, Cancel));
        Assert.Equal(fromRows.Select(Row), fromStore.Select(Row));
        Assert.NotEqual(before.Select(Row), fromStore.Select(Row)); // the report changed with the erasure
    }

    [Fact]
    public async Task EraseCustomer_StoredBytes_HoldNeitherIdNorComment()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await StoreCustomerEverywhereAsync(stores, program);
        if (await FindStoredTextAsync(ErasedComment) is not { } before) return; // memory: nothing stored to search
        Assert.NotEmpty(before); // the search finds what is there
        Assert.NotEmpty((await FindStoredTextAsync(ErasedCustomer))!);

        await Erasure(stores, program).EraseCustomerAsync(ErasedCustomer, Cancel);

        Assert.Empty((await FindStoredTextAsync(ErasedCustomer))!);
        Assert.Empty((await FindStoredTextAsync(ErasedComment))!);
        Assert.NotEmpty((await FindStoredTextAsync("C-keep"))!);
    }

    [Fact]
    public async Task EraseCustomer_OldRowSentAgain_RefusedNewerAccepted()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await StoreCustomerEverywhereAsync(stores, program);
        var erasure = Erasure(stores, program);
        await erasure.EraseCustomerAsync(ErasedCustomer, Cancel);
        var intake = new ResponseIntake(stores.Responses, stores.Ledger, new FollowUp.FollowUpPolicy(), Clock, erasure: new CustomerErasure(
            (await OpenAsync()).Eraser, program.Tombstones, Clock));

        var retried = await intake.SubmitAsync(ErasedResponse("ER-1"), Cancel);
        Clock.Advance(TimeSpan.FromDays(1));
        var newer = await intake.SubmitAsync(ErasedResponse("ER-9") with { RespondedAt = Clock.GetUtcNow() }, Cancel);

        Assert.Equal(ResponseIntakeOutcome.Invalid, retried.Outcome);
        Assert.Equal(new DataError(0, "respondentId", CustomerErasure.ErasedReason), Assert.Single(retried.Errors));
        Assert.Equal(ResponseIntakeOutcome.Created, newer.Outcome);
        Assert.Equal("ER-9", Assert.Single(await stores.Responses.ListByRespondentAsync(ErasedCustomer, Cancel)).ResponseId);
    }

    [Fact]
    public async Task EraseCustomer_OldTouchpointSentAgain_SuppressedNothingStoredNewerDecided()
    {
        var stores = await OpenAsync();
        await StoreCustomerEverywhereAsync(stores, Program(stores));
        await Erasure(stores, Program(stores)).EraseCustomerAsync(ErasedCustomer, Cancel);
        var other = await OpenAsync(); // another instance reads the tombstone from the storage
        var program = Program(other, eraser: other.Eraser);

        var retried = await program.DecideAsync(Event(ErasedCustomer, "E-erase-1"), Cancel); // the erased decision's event
        var late = await program.DecideAsync(Event(ErasedCustomer, "E-erase-2"), Cancel); // a new event id, dated before the erasure
        var manual = await program.InviteManuallyAsync(Event(ErasedCustomer, "E-erase-3"), "analyst", Cancel);

        foreach (var (decision, eventId) in new[] { (retried, "E-erase-1"), (late, "E-erase-2"), (manual, "E-erase-3") })
        {
            Assert.Equal(SurveyProgram.CustomerErasedRule, Assert.IsType<SuppressDecision>(decision).Rule);
            Assert.Null(await stores.Decisions.FindAsync(ErasedCustomer, eventId, Cancel));
            Assert.Null(await stores.Invitations.FindByEventAsync(ErasedCustomer, eventId, Cancel));
        }

        Assert.Empty(await stores.Ledger.GetEntriesAsync(ErasedCustomer, Cancel));
        Assert.Null(await stores.Decisions.FindFirstSeenAsync(ErasedCustomer, Cancel));

        Clock.Advance(TimeSpan.FromDays(1));
        var back = await program.DecideAsync(Event(ErasedCustomer, "E-erase-4") with { OccurredAt = Clock.GetUtcNow() }, Cancel); // the customer came back

        Assert.IsType<InviteDecision>(back);
        Assert.NotNull(await stores.Decisions.FindAsync(ErasedCustomer, "E-erase-4", Cancel));
        Assert.NotNull(await stores.Invitations.FindByEventAsync(ErasedCustomer, "E-erase-4", Cancel));
        Assert.Single(await stores.Ledger.GetEntriesAsync(ErasedCustomer, Cancel));
    }

    [Fact]
    public async Task EraseCustomer_Repeat_RemovesNothingKeepsLaterTombstone()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await StoreCustomerEverywhereAsync(stores, program);
        var erasure = Erasure(stores, program);
        await erasure.EraseCustomerAsync(ErasedCustomer, Cancel);
        Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await erasure.EraseCustomerAsync(ErasedCustomer, Cancel));
        var tombstone = await stores.Eraser.FindTombstoneAsync(program.Tombstones.Hash(ErasedCustomer), Cancel);
        Assert.Equal(Clock.GetUtcNow(), tombstone!.ErasedAt);
        Assert.DoesNotContain(ErasedCustomer, tombstone.CustomerHash, StringComparison.Ordinal);
        Assert.Null(await stores.Eraser.FindTombstoneAsync(program.Tombstones.Hash("C-keep"), Cancel));
    }

    private static string Row(NpsCountRow row) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{row.Period} {string.Join('|', row.DimensionValues)} {row.Rating} {row.IsManual} {row.Count} {row.WeightSum} {row.SquaredWeightSum}");

    private CustomerErasure Erasure(StoreSet stores, SurveyProgram program) => new(stores.Eraser, program.Tombstones, Clock);

    private static SurveyResponse ErasedResponse(string id) => Response(id, rating: 2, customer: ErasedCustomer) with
    {
        Comment = ErasedComment, Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "south" },
    };

    /// <summary>The customer in every table: decisions (with contacts, invitations, first sighting), responses with a comment, a follow-up; and another customer.</summary>
    private async Task StoreCustomerEverywhereAsync(StoreSet stores, SurveyProgram program)
    {
        Assert.IsType<InviteDecision>(await program.DecideAsync(Event(ErasedCustomer, "E-erase-1"), Cancel));
        await program.DecideAsync(Event("C-keep", "E-keep-1"), Cancel);
        var intake = Intake(stores);
        Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(ErasedResponse("ER-1"), Cancel)).Outcome); // a detractor: a follow-up
        Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(ErasedResponse("ER-2") with { Rating = NpsRating.From(9), Team = "sales" }, Cancel)).Outcome);
        Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(Response("KEEP-1", rating: 10, customer: "C-keep"), Cancel)).Outcome);
        Assert.NotEmpty(await stores.FollowUps.ListByCustomerAsync(ErasedCustomer, Cancel));
    }
}
