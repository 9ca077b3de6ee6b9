using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Fatigue;

public sealed class FrequencyCapTests
{
    [Fact]
    public void Decide_CapReached_SuppressesUntilOldestLeavesWindow()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [.. o.Fatigue.FrequencyCaps, new FrequencyCapOptions { MaxInvitations = 2, WindowDays = 30 }] } }));
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(10));
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(10));

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.FrequencyCap, suppressed.Rule);
        Assert.Equal("2 of at most 2 invitations in 30 days", suppressed.Reason);
        Assert.Equal(TestProgram.Start.AddDays(30), suppressed.EligibleAgainAt);

        t.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMilliseconds(1));
        Assert.IsType<SuppressDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.IsType<InviteDecision>(t.Decide());
    }

    [Fact]
    public void Decide_CapScopedToRelational_DoesNotLimitTransactional()
    {
        var cap = new FrequencyCapOptions { MaxInvitations = 1, WindowDays = 30, Scope = new SurveyScope { Kind = SurveyKind.Relational } };
        var t = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { FrequencyCaps = [.. o.Fatigue.FrequencyCaps, cap] } }));

        Assert.IsType<InviteDecision>(t.Decide());
        Assert.IsType<InviteDecision>(t.Decide());
    }
}
