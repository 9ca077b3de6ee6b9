using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;

namespace Nps.Stores.Tests;

/// <summary>The outbox: invitations created by decisions, claimed by several senders, answered by bound responses.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Invitations_DecisionInvites_InvitationStoredWithTokenHashAndDimensions()
    {
        var stores = await OpenAsync();
        var program = Program(stores, rate: 0.5);
        var eventId = await InvitedEventAsync(program, "C1");

        var invitation = await stores.Invitations.FindByEventAsync("C1", eventId, Cancel);

        Assert.NotNull(invitation);
        Assert.Equal(SurveyInvitation.IdFor("C1", eventId), invitation.Id);
        Assert.Equal(InvitationStatus.Scheduled, invitation.Status);
        Assert.Equal(("support-call", "phone", 0.5, false), (invitation.Touchpoint, invitation.Channel, invitation.InclusionProbability, invitation.IsManual));
        Assert.Equal(program.Tokens.HashFor(invitation.Id), invitation.TokenHash.ToArray());
        var byToken = await stores.Invitations.FindByTokenHashAsync(SurveyTokens.Hash(program.Tokens.Create(invitation.Id)), Cancel);
        Assert.Equal(invitation.Id, byToken?.Id);
        Assert.Null(await stores.Invitations.FindByTokenHashAsync(SurveyTokens.Hash(program.Tokens.Create("other")), Cancel));
    }

    [Fact]
    public async Task Invitations_SuppressedOrReplayed_NoSecondInvitation()
    {
        var stores = await OpenAsync();
        var program = Program(stores, configure: o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [.. o.Fatigue.FrequencyCaps, new FrequencyCapOptions { MaxInvitations = 1, WindowDays = 30 }] } });
        await program.DecideAsync(Event("C1", "E1"), Cancel);
        await program.DecideAsync(Event("C1", "E1"), Cancel);
        await program.DecideAsync(Event("C1", "E2"), Cancel);

        Assert.NotNull(await stores.Invitations.FindByEventAsync("C1", "E1", Cancel));
        Assert.Null(await stores.Invitations.FindByEventAsync("C1", "E2", Cancel));
        Assert.Equal(1, await CountDueAsync(stores));
    }

    [Fact]
    public async Task ClaimDue_TwoConcurrentClaimers_NeverTheSameInvitation()
    {
        var stores = await OpenAsync();
        var other = await OpenAsync();
        var program = Program(stores);
        for (var i = 0; i < 60; i++) await program.DecideAsync(Event("C" + i, "E1"), Cancel);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? stores : other).Invitations.ClaimDueAsync(Clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Cancel))));

        var ids = claims.SelectMany(c => c).Select(c => c.Invitation.Id).ToList();
        Assert.Equal(60, ids.Count);
        Assert.Equal(60, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Cancel));
    }

    [Fact]
    public async Task ClaimDue_LeaseLapsed_ClaimedAgainAndMarkedOnce()
    {
        var stores = await OpenAsync();
        await Program(stores).DecideAsync(Event("C1", "E1"), Cancel);
        var first = Assert.Single(await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Cancel));
        Clock.Advance(TimeSpan.FromMinutes(6));

        var again = Assert.Single(await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Cancel));
        var now = Clock.GetUtcNow();

        Assert.Equal((OutboxAttempt.Invitation, first.Invitation.Id), (again.Attempt, again.Invitation.Id));
        Assert.True(await stores.Invitations.MarkSentAsync(again, now, now.AddDays(14), now.AddDays(3), Cancel));
        Assert.False(await stores.Invitations.MarkSentAsync(first, now, now.AddDays(14), now.AddDays(3), Cancel));
        var sent = await stores.Invitations.FindAsync(first.Invitation.Id, Cancel);
        Assert.Equal((InvitationStatus.Sent, now.AddDays(14)), (sent!.Status, sent.ExpiresAt));
    }

    [Fact]
    public async Task Reminder_DueAfterDelay_ClaimedOnceAndRecordedAsReminderContact()
    {
        var stores = await OpenAsync();
        await Program(stores).DecideAsync(Event("C1", "E1"), Cancel);
        var claim = Assert.Single(await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Cancel));
        var now = Clock.GetUtcNow();
        await stores.Invitations.MarkSentAsync(claim, now, now.AddDays(14), now.AddDays(3), Cancel);

        Assert.Empty(await stores.Invitations.ClaimDueAsync(now.AddDays(2), 10, TimeSpan.FromMinutes(5), Cancel));
        var reminder = Assert.Single(await stores.Invitations.ClaimDueAsync(now.AddDays(3), 10, TimeSpan.FromMinutes(5), Cancel));
        Assert.Equal((OutboxAttempt.Reminder, 1, "reminder-1"), (reminder.Attempt, reminder.Number, reminder.AttemptName));
        Assert.True(await stores.Invitations.MarkSentAsync(reminder, now.AddDays(3), now, null, Cancel));
        Assert.False(await stores.Invitations.MarkSentAsync(reminder, now.AddDays(3), now, null, Cancel));

        Assert.Empty(await stores.Invitations.ClaimDueAsync(now.AddDays(10), 10, TimeSpan.FromMinutes(5), Cancel));
        var history = await stores.Ledger.GetHistoryAsync("C1", Cancel);
        Assert.Equal([ContactKind.Invitation, ContactKind.Reminder], history.Records.ToArray().Select(r => r.Kind));
        Assert.Equal((1, InvitationStatus.Sent), ((await stores.Invitations.FindAsync(claim.Invitation.Id, Cancel))!.Reminders, InvitationStatus.Sent));
    }

    [Fact]
    public async Task Intake_ApiResponseByEventId_BoundToInvitationAndMarksItAnswered()
    {
        var stores = await OpenAsync();
        var program = Program(stores, rate: 0.5);
        var eventId = await InvitedEventAsync(program, "C1");
        var intake = new ResponseIntake(stores.Responses, stores.Ledger, new FollowUpPolicy(), Clock, invitations: stores.Invitations);

        var result = await intake.SubmitAsync(Response("R1", rating: 3) with { EventId = eventId, Channel = "forged" }, Cancel);
        var unsolicited = await intake.SubmitAsync(Response("R2", rating: 10, customer: "C2"), Cancel);
        var second = await intake.SubmitAsync(Response("R3", rating: 10) with { EventId = eventId }, Cancel);

        Assert.Equal(ResponseIntakeOutcome.Created, result.Outcome);
        var stored = (await stores.Responses.FindAsync("R1", Cancel))!.Response;
        Assert.Equal((ResponseProvenance.Solicited, "phone", 0.5, SurveyInvitation.IdFor("C1", eventId)),
            (stored.Provenance, stored.Channel, stored.InclusionProbability, stored.InvitationId));
        Assert.Equal(InvitationStatus.Answered, (await stores.Invitations.FindByEventAsync("C1", eventId, Cancel))!.Status);
        Assert.Equal(ResponseProvenance.Unsolicited, (await stores.Responses.FindAsync("R2", Cancel))!.Response.Provenance);
        Assert.Equal(ResponseIntakeOutcome.AlreadyAnswered, second.Outcome);
        Assert.Null(await stores.Responses.FindAsync("R3", Cancel));
    }

    [Fact]
    public async Task OptOut_ThroughInvitation_NextDecisionSuppressedOptedOut()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await program.DecideAsync(Event("C1", "E1"), Cancel);
        var id = SurveyInvitation.IdFor("C1", "E1");

        var after = await stores.Invitations.MarkBouncedAsync(id, Clock.GetUtcNow(), complaint: true, Cancel);
        await stores.Invitations.OptOutAsync(id, Clock.GetUtcNow(), Cancel);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var next = await program.DecideAsync(Event("C1", "E2"), Cancel);

        Assert.Equal(InvitationStatus.OptedOut, after!.Status);
        Assert.Equal(FatigueRuleNames.OptedOut, Assert.IsType<SuppressDecision>(next).Rule);
        Assert.Single((await stores.Ledger.GetHistoryAsync("C1", Cancel)).Records.ToArray(), r => r.Kind == ContactKind.OptOut);
        Assert.Empty(await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Cancel));
    }

    [Fact]
    public async Task MarkFailedAndBounced_WithReason_NotClaimedAgain()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        await program.DecideAsync(Event("C1", "E1"), Cancel);
        await program.DecideAsync(Event("C2", "E1"), Cancel);

        Assert.True(await stores.Invitations.MarkFailedAsync(SurveyInvitation.IdFor("C1", "E1"), "no address", Cancel));
        var bounced = await stores.Invitations.MarkBouncedAsync(SurveyInvitation.IdFor("C2", "E1"), Clock.GetUtcNow(), complaint: false, Cancel);

        var failed = await stores.Invitations.FindAsync(SurveyInvitation.IdFor("C1", "E1"), Cancel);
        Assert.Equal((InvitationStatus.Failed, "no address"), (failed!.Status, failed.FailureReason));
        Assert.Equal(InvitationStatus.Bounced, bounced!.Status);
        Assert.Equal(0, await CountDueAsync(stores));
    }

    private async Task<int> CountDueAsync(StoreSet stores) =>
        (await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow().AddDays(1), 100, TimeSpan.FromSeconds(1), Cancel)).Count;
}
