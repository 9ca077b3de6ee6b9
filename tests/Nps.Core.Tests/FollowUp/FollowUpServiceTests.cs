using Nps.Fatigue;
using Nps.FollowUp;

namespace Nps.Tests.FollowUp;

public sealed class FollowUpServiceTests
{
    [Fact]
    public void Create_Detractor_OpenWithDetractorSlaFromResponseTimeAndOwner()
    {
        var t = new FollowUpTestData();
        t.Clock.Advance(TimeSpan.FromHours(3)); // imported late: the SLA still runs from the answer
        var result = t.Create(FollowUpTestData.Response("R1", 4));

        Assert.Equal(FollowUpCreationOutcome.Created, result.Outcome);
        Assert.Equal("Detractor: due 2026-03-04T09:00:00+00:00", result.Detail);
        var f = result.FollowUp!;
        Assert.Equal("fu-R1", f.Id);
        Assert.Equal("R1", f.ResponseId);
        Assert.Equal("C1", f.CustomerId);
        Assert.Equal(FollowUpReason.Detractor, f.Reason);
        Assert.Equal(NpsCategory.Detractor, f.Category);
        Assert.Equal(FollowUpStatus.Open, f.Status);
        Assert.Equal(FollowUpTestData.Start, f.RespondedAt);
        Assert.Equal(FollowUpTestData.Start.AddHours(3), f.CreatedAt);
        Assert.Equal(FollowUpTestData.Start.AddHours(48), f.DueAt);
        Assert.Equal("billing", f.OwnerTeam);
        Assert.Equal("agent-7", f.OwnerAgent);
        Assert.Equal("comment of R1", f.Comment);
        Assert.Null(f.ContactedAt);
        Assert.Null(f.ClosedAt);
    }

    [Theory]
    [InlineData(10, true, FollowUpReason.Callback, 24)]
    [InlineData(8, true, FollowUpReason.Callback, 24)]
    [InlineData(2, true, FollowUpReason.Callback, 24)] // a detractor asking for a callback: the tighter SLA wins
    [InlineData(6, false, FollowUpReason.Detractor, 48)]
    [InlineData(0, false, FollowUpReason.Detractor, 48)]
    public void Create_DefaultPolicy_ReasonAndDueTime(int rating, bool callback, FollowUpReason reason, int hours)
    {
        var f = new FollowUpTestData().Create(FollowUpTestData.Response("R1", rating, callback)).FollowUp!;
        Assert.Equal(reason, f.Reason);
        Assert.Equal(FollowUpTestData.Start.AddHours(hours), f.DueAt);
    }

    [Fact]
    public void Create_CallbackSlaLongerThanDetractorSla_DetractorReasonKeepsTheTighterPromise()
    {
        var t = new FollowUpTestData(new FollowUpPolicy { CallbackSla = TimeSpan.FromHours(72) });
        var f = t.Create(FollowUpTestData.Response("R1", 3, callback: true)).FollowUp!;
        Assert.Equal(FollowUpReason.Detractor, f.Reason);
        Assert.Equal(FollowUpTestData.Start.AddHours(48), f.DueAt);
    }

    [Theory]
    [InlineData(9, "promoter without a callback request: no follow-up needed")]
    [InlineData(7, "passive without a callback request, and the policy does not follow up passives")]
    public void Create_NoReason_NotNeededWithDetail(int rating, string detail)
    {
        var t = new FollowUpTestData();
        var result = t.Create(FollowUpTestData.Response("R1", rating));
        Assert.Equal(new FollowUpCreationResult("R1", FollowUpCreationOutcome.NotNeeded, null, detail), result);
        Assert.Equal(0, t.Store.Count);
    }

    [Fact]
    public void Create_PassivesIncluded_PassiveWithFiveDaySla()
    {
        var t = new FollowUpTestData(new FollowUpPolicy { IncludePassives = true });
        var f = t.Create(FollowUpTestData.Response("R1", 8)).FollowUp!;
        Assert.Equal(FollowUpReason.Passive, f.Reason);
        Assert.Equal(FollowUpTestData.Start.AddDays(5), f.DueAt);
    }

    [Fact]
    public void Create_AnonymousDetractor_ReportedNotStored()
    {
        var t = new FollowUpTestData();
        var result = t.Create(FollowUpTestData.Response("R1", 1, customer: ""));
        Assert.Equal(FollowUpCreationOutcome.Anonymous, result.Outcome);
        Assert.Equal("needs a follow-up (Detractor) but the response has no respondent id to contact", result.Detail);
        Assert.Null(result.FollowUp);
        Assert.Equal(0, t.Store.Count);
    }

    [Fact]
    public void Create_SameResponseTwice_IdempotentAndKeepsProgress()
    {
        var t = new FollowUpTestData();
        var response = FollowUpTestData.Response("R1", 2);
        var first = t.Create(response).FollowUp!;
        t.Clock.Advance(TimeSpan.FromHours(1));
        var contacted = t.Contact("fu-R1", "left a voicemail").FollowUp!;

        var again = t.Create(response);

        Assert.Equal(FollowUpCreationOutcome.AlreadyExists, again.Outcome);
        Assert.Equal("follow-up fu-R1 already exists (Contacted)", again.Detail);
        Assert.Equal(contacted, again.FollowUp);
        Assert.Equal(first.CreatedAt, again.FollowUp!.CreatedAt);
        Assert.Equal(1, t.Store.Count);
    }

    [Fact]
    public async Task Create_ConcurrentlyForOneResponse_ExactlyOneCreated()
    {
        var t = new FollowUpTestData();
        var response = FollowUpTestData.Response("R1", 2);
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            Task.Run(() => t.Service.CreateFromResponseAsync(response, TestContext.Current.CancellationToken).AsTask(), TestContext.Current.CancellationToken)));

        Assert.Single(results, r => r.Outcome == FollowUpCreationOutcome.Created);
        Assert.Equal(63, results.Count(r => r.Outcome == FollowUpCreationOutcome.AlreadyExists));
        Assert.Equal(1, t.Store.Count);
    }

    [Fact]
    public void CreateMany_OneResultPerResponseInOrder()
    {
        var t = new FollowUpTestData();
        var results = FollowUpTestData.Sync(t.Service.CreateFromResponsesAsync(
            [FollowUpTestData.Response("R1", 2), FollowUpTestData.Response("R2", 10), FollowUpTestData.Response("R1", 2)], TestContext.Current.CancellationToken));
        Assert.Equal([FollowUpCreationOutcome.Created, FollowUpCreationOutcome.NotNeeded, FollowUpCreationOutcome.AlreadyExists], results.Select(r => r.Outcome));
    }

    [Fact]
    public void Transitions_OpenContactedClosed_RecordTimesAndNotes()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("R1", 2));
        t.Clock.Advance(TimeSpan.FromHours(5));
        var contacted = t.Contact("fu-R1", "called, apologised");
        t.Clock.Advance(TimeSpan.FromHours(1));
        var closed = t.Close("fu-R1", "credit note sent");

        Assert.True(contacted.Succeeded);
        Assert.Null(contacted.Error);
        Assert.Equal(FollowUpStatus.Contacted, contacted.FollowUp!.Status);
        var f = closed.FollowUp!;
        Assert.Equal(FollowUpStatus.Closed, f.Status);
        Assert.Equal(FollowUpTestData.Start.AddHours(5), f.ContactedAt);
        Assert.Equal("called, apologised", f.ContactNote);
        Assert.Equal(FollowUpTestData.Start.AddHours(6), f.ClosedAt);
        Assert.Equal("credit note sent", f.Outcome);
        Assert.Equal(f, t.List(FollowUpStatus.Closed).Single());
        Assert.Empty(t.List(FollowUpStatus.Open));
    }

    [Fact]
    public void Close_Open_ClosedWithoutContact()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("R1", 2));
        var f = t.Close("fu-R1", "unreachable after three attempts").FollowUp!;
        Assert.Equal(FollowUpStatus.Closed, f.Status);
        Assert.Null(f.ContactedAt);
        Assert.Equal(FollowUpTestData.Start, f.ClosedAt);
    }

    [Fact]
    public void Transition_ClosedToContacted_RefusedWithMessageAndUnchanged()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("R1", 2));
        var closed = t.Close("fu-R1").FollowUp;

        var result = t.Contact("fu-R1");

        Assert.False(result.Succeeded);
        Assert.Equal("Follow-up fu-R1 is Closed and cannot become Contacted: allowed are Open → Contacted → Closed and Open → Closed.", result.Error?.Reason);
        Assert.Equal(("status", "Contacted"), (result.Error?.Field, result.Error?.Value));
        Assert.Equal(closed, result.FollowUp);
        Assert.Equal(closed, t.List().Single());
    }

    [Theory]
    [InlineData(FollowUpStatus.Contacted, FollowUpStatus.Open, "Follow-up fu-R1 is Contacted and cannot become Open: allowed are Open → Contacted → Closed and Open → Closed.")]
    [InlineData(FollowUpStatus.Closed, FollowUpStatus.Open, "Follow-up fu-R1 is Closed and cannot become Open: allowed are Open → Contacted → Closed and Open → Closed.")]
    [InlineData(FollowUpStatus.Contacted, FollowUpStatus.Contacted, "Follow-up fu-R1 is already Contacted.")]
    [InlineData(FollowUpStatus.Closed, FollowUpStatus.Closed, "Follow-up fu-R1 is already Closed.")]
    [InlineData(FollowUpStatus.Open, FollowUpStatus.Open, "Follow-up fu-R1 is already Open.")]
    [InlineData(FollowUpStatus.Open, (FollowUpStatus)7, "Follow-up fu-R1: '7' is not a follow-up status.")]
    public void Transition_Invalid_RefusedWithExactMessage(FollowUpStatus from, FollowUpStatus to, string message)
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("R1", 2));
        if (from != FollowUpStatus.Open) FollowUpTestData.Sync(t.Service.TransitionAsync("fu-R1", from, null, TestContext.Current.CancellationToken));

        var result = FollowUpTestData.Sync(t.Service.TransitionAsync("fu-R1", to, null, TestContext.Current.CancellationToken));

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Error?.Reason);
        Assert.Equal("status", result.Error?.Field);
        Assert.Equal(from, result.FollowUp!.Status);
    }

    [Fact]
    public void Transition_UnknownId_Refused()
    {
        var result = new FollowUpTestData().Close("fu-nope");
        Assert.Equal(new FollowUpTransitionResult(false, null, new DataError(0, "id", "No follow-up has id 'fu-nope'.", "fu-nope")), result);
    }

    [Fact]
    public void Overdue_FakeClock_OpenPastDueOnlyMostOverdueFirst()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("R1", 2));                            // due +48 h
        t.Create(FollowUpTestData.Response("R2", 10, callback: true));           // due +24 h
        t.Create(FollowUpTestData.Response("R3", 5, at: FollowUpTestData.Start.AddHours(20))); // due +68 h

        t.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Empty(t.Overdue()); // exactly at the due time is not late yet
        t.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(["fu-R2"], t.Overdue().Select(f => f.Id));

        t.Clock.Advance(TimeSpan.FromHours(30));
        Assert.Equal(["fu-R2", "fu-R1"], t.Overdue().Select(f => f.Id));

        t.Contact("fu-R2");
        t.Close("fu-R1", "no answer");
        Assert.Empty(t.Overdue());
        Assert.Equal(0, t.Metrics().Overdue);
        t.Clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(["fu-R3"], t.Overdue().Select(f => f.Id));
    }

    [Fact]
    public void Metrics_MixedQueue_ShareMedianAndOverdue()
    {
        var t = new FollowUpTestData();
        foreach (var id in new[] { "D1", "D2", "D3", "D4", "D5" }) t.Create(FollowUpTestData.Response(id, 3, customer: "C-" + id));
        t.Create(FollowUpTestData.Response("P1", 10, callback: true, customer: "C-P1"));

        t.Clock.Advance(TimeSpan.FromHours(2));
        t.Contact("fu-D1");
        t.Contact("fu-P1");
        t.Clock.Advance(TimeSpan.FromHours(4));
        t.Contact("fu-D2");
        t.Close("fu-D2", "resolved");
        t.Clock.Advance(TimeSpan.FromHours(4));
        t.Contact("fu-D3");
        t.Close("fu-D4", "wrong number"); // closed without contact: not followed up, and no time to first contact
        t.Clock.Advance(TimeSpan.FromHours(40)); // now +50 h: D5 (due +48 h) is overdue

        var m = t.Metrics();

        Assert.Equal(FollowUpTestData.Start.AddHours(50), m.AsOf);
        Assert.Equal(6, m.Total);
        Assert.Equal(1, m.Open);
        Assert.Equal(3, m.Contacted);
        Assert.Equal(2, m.Closed);
        Assert.Equal(1, m.ClosedWithoutContact);
        Assert.Equal(4, m.Reached);
        Assert.Equal(5, m.Detractors);
        Assert.Equal(3, m.DetractorsFollowedUp);
        Assert.Equal(1, m.DetractorsClosedWithoutContact);
        Assert.Equal(0.6, m.DetractorFollowUpShare);
        Assert.Equal(4, m.ContactedWithinSla); // all four contacts came before their due time (P1's callback SLA is 24 h)
        Assert.Equal(0, m.ContactedLate);
        Assert.Equal(0, m.Pending);
        Assert.Equal(4.0 / 6, m.WithinSlaShare);
        Assert.Equal(2, m.SlaBreaches); // D4 closed without contact and now past due, D5 overdue
        Assert.Equal(TimeSpan.FromHours(4), m.MedianTimeToFirstContact); // 2, 2, 6, 10 h: mean of the middle two
        Assert.Equal(1, m.Overdue);
    }

    /// <summary>
    /// Three detractors (due +48 h): one reached in time, one reached late, one closed without contact. Followed up:
    /// 2 of 3 (closing without contact is not following up); within the SLA: 1 of 3; breaches: 2.
    /// </summary>
    [Fact]
    public void Metrics_LateContactAndCloseWithoutContact_CountedHonestly()
    {
        var t = new FollowUpTestData();
        foreach (var id in new[] { "A", "B", "C" }) t.Create(FollowUpTestData.Response(id, 2, customer: id));
        t.Clock.Advance(TimeSpan.FromHours(10));
        t.Contact("fu-A");
        t.Close("fu-C", "unreachable");
        t.Clock.Advance(TimeSpan.FromHours(50)); // +60 h
        t.Contact("fu-B");

        var m = t.Metrics();

        Assert.Equal(2, m.DetractorsFollowedUp);
        Assert.Equal(2.0 / 3, m.DetractorFollowUpShare);
        Assert.Equal(1, m.ContactedWithinSla);
        Assert.Equal(1, m.ContactedLate);
        Assert.Equal(1.0 / 3, m.WithinSlaShare);
        Assert.Equal(2, m.SlaBreaches);
        Assert.Equal(0, m.Overdue);
    }

    [Fact]
    public void Metrics_NotYetDue_PendingAndLeftOutOfTheSlaShare()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("A", 2, customer: "A"));
        t.Create(FollowUpTestData.Response("B", 2, customer: "B"));
        t.Clock.Advance(TimeSpan.FromHours(1));
        t.Contact("fu-A");

        var m = t.Metrics();

        Assert.Equal(1, m.Pending);
        Assert.Equal(1.0, m.WithinSlaShare);
        Assert.Equal(0, m.SlaBreaches);
        Assert.Equal(0.5, m.DetractorFollowUpShare);
    }

    [Fact]
    public void Metrics_ClosedWithoutContactBeforeDue_BreachOnlyOnceDue()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("A", 2, customer: "A"));
        t.Clock.Advance(TimeSpan.FromHours(1));
        t.Close("fu-A", "customer asked not to be called");
        Assert.Equal((0, 1, 0.0), (t.Metrics().SlaBreaches, t.Metrics().ClosedWithoutContact, t.Metrics().WithinSlaShare!.Value));
        t.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Equal(1, t.Metrics().SlaBreaches);
    }

    [Fact]
    public void Metrics_OddCountAndEmpty()
    {
        var t = new FollowUpTestData();
        Assert.Null(t.Metrics().MedianTimeToFirstContact);
        Assert.Null(t.Metrics().DetractorFollowUpShare);
        foreach (var id in new[] { "A", "B", "C" }) t.Create(FollowUpTestData.Response(id, 0, customer: id));
        foreach (var (id, hours) in new[] { ("A", 1), ("C", 2), ("B", 4) })
        {
            t.Clock.Advance(TimeSpan.FromHours(hours));
            t.Contact("fu-" + id); // after 1, 3 and 7 hours
        }

        Assert.Equal(TimeSpan.FromHours(3), t.Metrics().MedianTimeToFirstContact);
    }

    [Fact]
    public void Contact_WithLedger_RecordsAFollowUpContact()
    {
        var t = new FollowUpTestData();
        t.Create(FollowUpTestData.Response("R1", 2, customer: "C9"));
        t.Clock.Advance(TimeSpan.FromHours(3));
        t.Contact("fu-R1");
        t.Close("fu-R1");

        var history = FollowUpTestData.Sync(t.Ledger.GetHistoryAsync("C9", TestContext.Current.CancellationToken));
        var record = Assert.Single(history.Records.ToArray());
        Assert.Equal(ContactKind.FollowUp, record.Kind);
        Assert.Equal(FollowUpTestData.Start.AddHours(3), record.At);
    }

    [Theory]
    [InlineData("DetractorSla")]
    [InlineData("CallbackSla")]
    [InlineData("PassiveSla")]
    public void Policy_NonPositiveSla_Throws(string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => name switch
        {
            "DetractorSla" => new FollowUpPolicy { DetractorSla = TimeSpan.Zero },
            "CallbackSla" => new FollowUpPolicy { CallbackSla = TimeSpan.Zero },
            _ => new FollowUpPolicy { PassiveSla = TimeSpan.FromHours(-1) },
        });
        Assert.Equal(name, e.ParamName);
        Assert.StartsWith("An SLA must be positive; got ", e.Message, StringComparison.Ordinal);
    }
}
