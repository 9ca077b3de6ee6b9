using System.Text.Json;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Sampling;

public sealed class SurveyProgramTests
{
    [Theory]
    [InlineData("", "E1", "customerId is empty")]
    [InlineData("  ", "E1", "customerId is empty")]
    [InlineData("C1", "", "eventId is empty")]
    public void Decide_BlankIds_SuppressedAsInvalidEventNamingTheField(string customer, string eventId, string reason)
    {
        var t = new TestProgram(TestProgram.InviteAll());
        var suppressed = Assert.IsType<SuppressDecision>(t.Decide(TestProgram.Event(customer, eventId)));
        Assert.Equal(SurveyProgram.InvalidEventRule, suppressed.Rule);
        Assert.Equal(reason, suppressed.Reason);
    }

    [Fact]
    public void Decide_Selected_InvitesWithPolicyRateAndRecordsInvitation()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        var invite = Assert.IsType<InviteDecision>(t.Decide());

        Assert.Equal(TestProgram.Start, invite.SendAt);
        Assert.Equal(1.0, invite.InclusionProbability);
        Assert.Equal("all", invite.Policy);
        Assert.False(invite.IsManual);
        Assert.True(invite.CountsTowardUnbiasedScore);
        Assert.Equal(DecisionOutcome.Invite, invite.Outcome);
        Assert.True(invite.Draw!.Value.Selected);
        Assert.Equal(invite.EventId, invite.Draw.Value.Input);
        Assert.Equal(ContactKind.Invitation, Assert.Single(t.History("C1").Records.ToArray()).Kind);
    }

    [Fact]
    public void Decide_NotSelected_SuppressesWithTheDrawAndRecordsNothing()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Rate = 0 }] } }));
        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());

        Assert.Equal(SurveyProgram.NotSampledRule, suppressed.Rule);
        Assert.StartsWith("policy all selects at rate 0; draw 0.", suppressed.Reason, StringComparison.Ordinal);
        Assert.Equal(0, t.History("C1").Count);
    }

    [Fact]
    public void Decide_NoPolicyCoversEvent_Suppresses()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Scope = new() { Channel = "store" } }] } }));
        Assert.Equal(SurveyProgram.NoPolicyRule, Assert.IsType<SuppressDecision>(t.Decide()).Rule);
    }

    [Fact]
    public void Decide_StratifiedPolicies_RecordTheirOwnRates()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [new SamplingPolicyOptions { Name = "chat", Rate = 1.0, Scope = new SurveyScope { Channel = "chat" } }, .. o.Sampling.Policies] } }));
        var chat = Assert.IsType<InviteDecision>(t.Decide(TestProgram.Event() with { Channel = "chat" }));
        Assert.Equal("chat", chat.Policy);
    }

    [Fact]
    public void Decide_QuotaReached_SuppressesAndFreesNextPeriod()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Quota = new QuotaOptions { MaxInvitations = 2, PeriodDays = 7 } }] } }));
        Assert.IsType<InviteDecision>(t.Decide("A"));
        Assert.IsType<SuppressDecision>(t.Decide(TestProgram.Event("B") with { IsComplaintOpen = true })); // ineligible: no quota used
        Assert.IsType<InviteDecision>(t.Decide("C"));

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide("D"));
        Assert.Equal(SurveyProgram.QuotaReachedRule, suppressed.Rule);
        Assert.Equal("policy all reached its quota of 2 per 7 days", suppressed.Reason);

        t.Clock.Advance(TimeSpan.FromDays(7));
        Assert.IsType<InviteDecision>(t.Decide("D"));
    }

    [Fact]
    public void InviteManually_BypassesSamplingButMarksTheInvitation()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Rate = 0 }] } }));
        var invite = Assert.IsType<InviteDecision>(t.InviteManually(TestProgram.Event(), "agent-17"));

        Assert.True(invite.IsManual);
        Assert.False(invite.CountsTowardUnbiasedScore);
        Assert.Equal(SurveyProgram.ManualPolicy, invite.Policy);
        Assert.Equal("agent-17", invite.RequestedBy);
        Assert.Null(invite.Draw);
        Assert.True(Assert.Single(t.History("C1").Records.ToArray()).IsManual);
    }

    [Fact]
    public void InviteManually_StillObeysFatigueRules()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { Cooldowns = [.. o.Fatigue.Cooldowns, new CooldownOptions { After = CooldownTrigger.Invitation, Days = 30 }] } }));
        t.Decide();
        Assert.Equal(FatigueRuleNames.CooldownAfterInvitation, Assert.IsType<SuppressDecision>(t.InviteManually(TestProgram.Event(), "agent-17")).Rule);
    }

    [Fact]
    public void Decide_Relational_AtMostOncePerCycleFromTheCustomersFirstSlot()
    {
        // Default options: the epoch (2024-01-01) is long past, and still the first slot counts from the first sighting.
        var t = new TestProgram(TestProgram.InviteAll());
        var firstSlot = t.Program.FirstRelationalSlot("C1", TestProgram.Start);
        Assert.InRange(firstSlot, TestProgram.Start, TestProgram.Start.AddDays(365));
        Assert.Equal(firstSlot, t.Program.RelationalSlot("C1", firstSlot));

        var seen = Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));
        Assert.Equal(firstSlot, seen.EligibleAgainAt);
        t.Clock.Advance(firstSlot - t.Clock.GetUtcNow());
        var first = Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
        Assert.StartsWith("cycle:", first.Draw!.Value.Input, StringComparison.Ordinal);
        t.Clock.Advance(TimeSpan.FromDays(1));
        var again = Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));
        Assert.Equal(SurveyProgram.RelationalCadenceRule, again.Rule);
        Assert.Equal(firstSlot.AddDays(365), again.EligibleAgainAt); // a cycle later is more than half a cycle after the last

        t.Clock.Advance(firstSlot.AddDays(365) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    [Fact]
    public void Decide_RelationalDrawIsPerCycle_NotPerEvent()
    {
        // Asking daily whether a customer is due must not re-draw: the same cycle gives the same draw.
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Sampling = o.Sampling with { Policies = [o.Sampling.Policies[0] with { Rate = 0.5 }] } }));
        var draws = Enumerable.Range(0, 5).Select(i => t.Decide(TestProgram.Event("C9", "day-" + i, SurveyKind.Relational)).Draw!.Value.Value).Distinct();
        Assert.Single(draws);
    }

    [Fact]
    public void Decision_RoundTripsThroughSourceGeneratedJson()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { Cooldowns = [.. o.Fatigue.Cooldowns, new CooldownOptions { After = CooldownTrigger.Invitation, Days = 30 }] } }));
        SurveyDecision[] decisions = [t.Decide(TestProgram.Event("C1", "E1")), t.Decide(TestProgram.Event("C1", "E2"))];

        var json = JsonSerializer.Serialize<IReadOnlyList<SurveyDecision>>(decisions, SamplingJsonContext.Default.IReadOnlyListSurveyDecision);
        var back = JsonSerializer.Deserialize(json, SamplingJsonContext.Default.IReadOnlyListSurveyDecision)!;

        Assert.Contains("\"outcome\":\"invite\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"suppress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rule\":\"cooldown-after-invitation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Transactional\"", json, StringComparison.Ordinal);
        var invite = Assert.IsType<InviteDecision>(back[0]);
        Assert.Equal(((InviteDecision)decisions[0]).SendAt, invite.SendAt);
        Assert.Equal(decisions[0].Checks, invite.Checks);
        Assert.Equal(decisions[0].Draw, invite.Draw);
        Assert.Equal(((SuppressDecision)decisions[1]).EligibleAgainAt, Assert.IsType<SuppressDecision>(back[1]).EligibleAgainAt);
    }

    [Fact]
    public void Options_RoundTripThroughSourceGeneratedJson()
    {
        var options = TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with
            {
                Cooldowns = [.. o.Fatigue.Cooldowns, new CooldownOptions { After = CooldownTrigger.Response, Days = 90, Scope = new() { Kind = SurveyKind.Relational } }],
                QuietHours = new QuietHoursOptions { AllowedDays = [DayOfWeek.Monday] },
            },
        });
        var json = JsonSerializer.Serialize(options, SamplingJsonContext.Default.SurveyProgramOptions);
        var back = JsonSerializer.Deserialize(json, SamplingJsonContext.Default.SurveyProgramOptions)!;

        Assert.Empty(back.Errors());
        Assert.Equal(CooldownTrigger.Response, back.Fatigue.Cooldowns[0].After);
        Assert.Equal(SurveyKind.Relational, back.Fatigue.Cooldowns[0].Scope.Kind);
        Assert.Equal(new TimeOnly(21, 0), back.Fatigue.QuietHours!.Start);
        Assert.Contains("\"after\":\"Response\"", json, StringComparison.Ordinal);
    }
}
