using Microsoft.Extensions.Time.Testing;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Touchpoints;
using Nps.InMemory;

namespace Nps.Core.Tests.Delivery;

public sealed class InvitationBindingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryContactLedger _ledger;
    private readonly InMemoryDecisionStore _decisions;
    private readonly InMemoryResponseStore _responses;
    private readonly SurveyProgram _program;
    private readonly ResponseIntake _intake;

    public InvitationBindingTests()
    {
        _ledger = new InMemoryContactLedger(_clock);
        _decisions = new InMemoryDecisionStore(_ledger);
        _responses = new InMemoryResponseStore(_ledger, new InMemoryFollowUpStore(), _decisions.Invitations);
        _program = new SurveyProgram(new SurveyProgramOptions
        {
            SamplingKey = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==",
            Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 0.999 }] },
        }, _decisions, _clock);
        _intake = new ResponseIntake(_responses, _ledger, new FollowUpPolicy(), _clock, invitations: _decisions.Invitations);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TouchpointEvent Event(string customer, string id) => new()
    {
        CustomerId = customer, EventId = id, OccurredAt = Start, Team = "north", Agent = "a1", Channel = "phone",
    };

    private static SurveyResponse Answer(string id, string customer) => new()
    {
        ResponseId = id, RespondentId = customer, Rating = NpsRating.From(10), RespondedAt = Start, Team = "forged", Agent = "forged",
        InclusionProbability = 1,
    };

    [Fact]
    public async Task SubmitAsync_InvitationIdOrEventIdAsInvitationId_BoundAndDimensionsFromInvitation()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        await _program.DecideAsync(Event("C2", "E2"), Cancel);

        var byId = await _intake.SubmitAsync(Answer("R1", "C1") with { InvitationId = SurveyInvitation.IdFor("C1", "E1") }, Cancel);
        var byEvent = await _intake.SubmitAsync(Answer("R2", "") with { InvitationId = "E2", RespondentId = "C2" }, Cancel);

        foreach (var result in new[] { byId, byEvent })
        {
            var stored = result.Stored!.Response;
            Assert.Equal(("north", "a1", 0.999, ResponseProvenance.Solicited), (stored.Team, stored.Agent, stored.InclusionProbability, stored.Provenance));
        }

        Assert.Equal(InvitationStatus.Answered, (await _decisions.Invitations.FindByEventAsync("C2", "E2", Cancel))!.Status);
    }

    [Fact]
    public async Task SubmitAsync_OtherCustomersInvitation_StoredUnsolicitedAndInvitationUntouched()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);

        var result = await _intake.SubmitAsync(Answer("R1", "intruder") with { InvitationId = SurveyInvitation.IdFor("C1", "E1") }, Cancel);

        Assert.Equal(("forged", ResponseProvenance.Unsolicited), (result.Stored!.Response.Team, result.Stored.Response.Provenance));
        Assert.Equal(InvitationStatus.Scheduled, (await _decisions.Invitations.FindByEventAsync("C1", "E1", Cancel))!.Status);
    }

    [Fact]
    public async Task SubmitAsync_HistoricalAndManual_ProvenanceMarked()
    {
        await _program.InviteManuallyAsync(Event("C1", "E1"), "agent-7", Cancel);

        var manual = await _intake.SubmitAsync(Answer("R1", "C1") with { EventId = "E1" }, Cancel);
        var historical = await _intake.SubmitAsync(Answer("R2", "C9"), historical: true, Cancel);

        Assert.Equal((ResponseProvenance.Manual, true), (manual.Stored!.Response.Provenance, manual.Stored.Response.IsManual));
        Assert.Equal(ResponseProvenance.Historical, historical.Stored!.Response.Provenance);
    }

    [Fact]
    public async Task LookupAsync_EveryLinkOf1000Invitations_RecordsNothing()
    {
        for (var i = 0; i < 1000; i++) await _program.InviteManuallyAsync(Event("C" + i, "E1"), "test", Cancel);
        var answers = new SurveyAnswers(_decisions.Invitations, _intake, _clock);

        for (var i = 0; i < 1000; i++)
        {
            var token = _program.Tokens.Create(SurveyInvitation.IdFor("C" + i, "E1"));
            Assert.Equal(SurveyTokenState.Open, (await answers.LookupAsync(token, Cancel)).State);
            for (var score = 0; score <= 10; score++) Assert.Equal(SurveyTokenState.Open, (await answers.LookupAsync(token, Cancel)).State);
        }

        Assert.Equal(0, _responses.Count);
        Assert.Equal(1000, (await _decisions.Invitations.ClaimDueAsync(Start, 10_000, TimeSpan.FromMinutes(1), Cancel)).Count);
    }
}
