using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Fatigue;

public sealed class CooldownTests
{
    private static TestProgram WithCooldown(CooldownTrigger after, int days, SurveyScope? scope = null, SurveyKind? historyKind = null) =>
        new(TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with
            {
                Cooldowns = [.. o.Fatigue.Cooldowns, new CooldownOptions
                {
                    After = after, Days = days, Scope = scope ?? new SurveyScope(), HistoryKind = historyKind,
                }],
            },
        }));

    [Fact]
    public void Decide_InsideCooldownAfterInvitation_SuppressesUntilExactEnd()
    {
        var t = WithCooldown(CooldownTrigger.Invitation, 30);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMilliseconds(1));

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());

        Assert.Equal(FatigueRuleNames.CooldownAfterInvitation, suppressed.Rule);
        Assert.Equal(TestProgram.Start.AddDays(30), suppressed.EligibleAgainAt);
        Assert.Equal("invited 2026-03-02T10:00:00Z; 30-day cooldown until 2026-04-01T10:00:00Z", suppressed.Reason);
    }

    [Fact]
    public void Decide_ExactlyAtCooldownEnd_Invites()
    {
        var t = WithCooldown(CooldownTrigger.Invitation, 30);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(30));

        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Decide_AfterResponse_UsesResponseCooldownSeparately()
    {
        var options = TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with
            {
                Cooldowns =
                [
                    .. o.Fatigue.Cooldowns,
                    new CooldownOptions { After = CooldownTrigger.Invitation, Days = 7 },
                    new CooldownOptions { After = CooldownTrigger.Response, Days = 90 },
                ],
            },
        });
        var t = new TestProgram(options);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(1));
        t.Record("C1", ContactKind.Response);
        var respondedAt = t.Clock.GetUtcNow();
        t.Clock.Advance(TimeSpan.FromDays(10));

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.CooldownAfterResponse, suppressed.Rule);
        Assert.Equal(respondedAt.AddDays(90), suppressed.EligibleAgainAt);

        t.Clock.Advance(respondedAt.AddDays(90) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Decide_AfterUnansweredInvitation_AppliesNonResponseCooldown()
    {
        var t = WithCooldown(CooldownTrigger.NonResponse, 60);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(59));

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.CooldownAfterNonResponse, suppressed.Rule);
        Assert.Equal(TestProgram.Start.AddDays(60), suppressed.EligibleAgainAt);
    }

    [Fact]
    public void Decide_AfterAnsweredInvitation_IgnoresNonResponseCooldown()
    {
        var t = WithCooldown(CooldownTrigger.NonResponse, 60);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(1));
        t.Record("C1", ContactKind.Response);
        t.Clock.Advance(TimeSpan.FromDays(1));

        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Decide_AfterFollowUp_AppliesFollowUpCooldown()
    {
        var t = WithCooldown(CooldownTrigger.FollowUp, 14);
        t.Record("C1", ContactKind.FollowUp);
        t.Clock.Advance(TimeSpan.FromDays(13));

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.CooldownAfterFollowUp, suppressed.Rule);

        t.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Decide_CooldownScopedToTouchpoint_OnlyAppliesInScope()
    {
        var t = WithCooldown(CooldownTrigger.Invitation, 30, new SurveyScope { Touchpoint = "delivery" });
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(1));

        Assert.IsType<InviteDecision>(t.Decide()); // support-call: out of scope
        var delivery = TestProgram.Event() with { Touchpoint = "delivery" };
        Assert.Equal(FatigueRuleNames.CooldownAfterInvitation, Assert.IsType<SuppressDecision>(t.Decide(delivery)).Rule);
    }

    [Fact]
    public void Decide_CooldownScopedToAttribute_OnlyAppliesToMatchingAttribute()
    {
        var scope = new SurveyScope { Attributes = new Dictionary<string, string> { ["tier"] = "gold" } };
        var t = WithCooldown(CooldownTrigger.Invitation, 30, scope);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(1));

        var gold = TestProgram.Event() with { Attributes = new Dictionary<string, string> { ["tier"] = "gold" } };
        var silver = TestProgram.Event() with { Attributes = new Dictionary<string, string> { ["tier"] = "silver" } };
        Assert.IsType<SuppressDecision>(t.Decide(gold));
        Assert.IsType<InviteDecision>(t.Decide(silver));
    }

    [Fact]
    public void Decide_CooldownScopedToKindWithHistoryKind_CountsOnlyThatHistory()
    {
        // After a relational invitation, no transactional survey for 30 days; transactional invitations do not count.
        var t = WithCooldown(CooldownTrigger.Invitation, 30, new SurveyScope { Kind = SurveyKind.Transactional }, SurveyKind.Relational);
        Assert.IsType<InviteDecision>(t.Decide());
        Assert.IsType<InviteDecision>(t.Decide());
        t.Record("C1", ContactKind.Invitation, survey: SurveyKind.Relational);

        Assert.Equal(FatigueRuleNames.CooldownAfterInvitation, Assert.IsType<SuppressDecision>(t.Decide()).Rule);
    }

    [Fact]
    public void Decide_Suppressed_RecordsEveryCheckAndTheDraw()
    {
        var t = WithCooldown(CooldownTrigger.Invitation, 30);
        t.Decide();

        var suppressed = t.Decide();

        Assert.Contains(suppressed.Checks, c => c is { Rule: FatigueRuleNames.CooldownAfterInvitation, Passed: false });
        Assert.Contains(suppressed.Checks, c => c is { Rule: FatigueRuleNames.OptedOut, Passed: true });
        Assert.NotNull(suppressed.Draw);
        Assert.Equal("all", suppressed.Draw.Value.Policy);
    }
}
