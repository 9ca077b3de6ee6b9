using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Fatigue;

public sealed class EventRuleTests
{
    [Fact]
    public void Decide_FollowUpContact_Suppressed()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        var suppressed = Assert.IsType<SuppressDecision>(t.Decide(TestProgram.Event() with { IsFollowUp = true }));
        Assert.Equal(FatigueRuleNames.FollowUpContact, suppressed.Rule);
        Assert.Equal("the contact is a follow-up of earlier feedback (closing the loop)", suppressed.Reason);
        Assert.Null(suppressed.EligibleAgainAt);
        Assert.Equal(0, t.History("C1").Count);
    }

    [Fact]
    public void Decide_ComplaintOpen_Suppressed()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        Assert.Equal(FatigueRuleNames.ComplaintOpen, Assert.IsType<SuppressDecision>(t.Decide(TestProgram.Event() with { IsComplaintOpen = true })).Rule);
    }

    [Fact]
    public void Decide_ComplaintRuleSwitchedOff_Invites()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { SkipWhileComplaintOpen = false } }));
        Assert.IsType<InviteDecision>(t.Decide(TestProgram.Event() with { IsComplaintOpen = true }));
    }

    [Fact]
    public void Decide_ExcludedCustomer_Suppressed()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { Exclusions = o.Fatigue.Exclusions with { CustomerIds = [.. o.Fatigue.Exclusions.CustomerIds, "EMP-7"] } } }));
        Assert.Equal(FatigueRuleNames.ExcludedCustomer, Assert.IsType<SuppressDecision>(t.Decide("EMP-7")).Rule);
        Assert.IsType<InviteDecision>(t.Decide("C1"));
    }

    [Theory]
    [InlineData("ourcompany.com", true)]
    [InlineData("OurCompany.COM", true)]
    [InlineData("mail.ourcompany.com", true)]
    [InlineData("notourcompany.com", false)]
    [InlineData("example.org", false)]
    public void Decide_EmailDomain_ExcludesDomainAndSubdomains(string domain, bool excluded)
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { Exclusions = o.Fatigue.Exclusions with { EmailDomains = [.. o.Fatigue.Exclusions.EmailDomains, "ourcompany.com"] } } }));
        var decision = t.Decide(TestProgram.Event() with { EmailDomain = domain });
        Assert.Equal(excluded, decision is SuppressDecision { Rule: FatigueRuleNames.ExcludedEmailDomain });
    }

    [Fact]
    public void Decide_OptedOut_SuppressedUntilOptIn()
    {
        var t = new TestProgram(TestProgram.InviteAll());
        t.Record("C1", ContactKind.OptOut);
        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.OptedOut, suppressed.Rule);
        Assert.Null(suppressed.EligibleAgainAt);

        t.Clock.Advance(TimeSpan.FromSeconds(1));
        t.Record("C1", ContactKind.OptIn);
        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Decide_NewCustomer_SuppressedUntilExactlyDelayEnd()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { NewCustomerDelay = new NewCustomerDelayOptions { Days = 30 } } }));
        var started = TestProgram.Start.AddDays(-29);
        var e = TestProgram.Event() with { RelationshipStart = started };

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide(e));
        Assert.Equal(FatigueRuleNames.NewCustomerDelay, suppressed.Rule);
        Assert.Equal(started.AddDays(30), suppressed.EligibleAgainAt);

        t.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsType<InviteDecision>(t.Decide(e with { EventId = "next" }));
        Assert.IsType<InviteDecision>(t.Decide(TestProgram.Event("C2"))); // start unknown: no delay
    }

    [Fact]
    public void Decide_NewCustomerDelayScopedToRelational_LeavesTransactionalAlone()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with
            {
                NewCustomerDelay = new NewCustomerDelayOptions { Days = 90, Scope = new SurveyScope { Kind = SurveyKind.Relational } },
            },
        }));
        Assert.IsType<InviteDecision>(t.Decide(TestProgram.Event() with { RelationshipStart = TestProgram.Start }));
    }

    [Fact]
    public void Decide_SeveralRulesFail_ReportsTheLongestBlock()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with
            {
                Cooldowns =
                [
                    .. o.Fatigue.Cooldowns,
                    new CooldownOptions { After = CooldownTrigger.Invitation, Days = 10 },
                    new CooldownOptions { After = CooldownTrigger.NonResponse, Days = 40 },
                ],
            },
        }));
        t.Decide();

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());

        Assert.Equal(FatigueRuleNames.CooldownAfterNonResponse, suppressed.Rule);
        Assert.Equal(TestProgram.Start.AddDays(40), suppressed.EligibleAgainAt);
        Assert.Equal(2, suppressed.Checks.Count(c => !c.Passed));
    }
}
