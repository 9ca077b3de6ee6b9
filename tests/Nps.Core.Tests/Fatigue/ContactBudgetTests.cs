using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;

namespace Nps.Tests.Fatigue;

public sealed class ContactBudgetTests
{
    // C1 was seen a cycle before the start, so a relational survey is due for them at the start.
    private static TestProgram Budget(int max, int forTransactional, int forRelational) =>
        TestProgram.SeenACycleBefore(TestProgram.InviteAll(o => o with
        {
            Fatigue = o.Fatigue with
            {
                ContactBudget = new ContactBudgetOptions
                {
                    MaxContacts = max, WindowDays = 365, ReservedForTransactional = forTransactional, ReservedForRelational = forRelational,
                },
            },
        }), "C1");

    [Fact]
    public void Decide_TransactionalSurveys_CannotUseTheRelationalReserve()
    {
        var t = Budget(4, 0, 1);
        for (var i = 0; i < 3; i++) Assert.IsType<InviteDecision>(t.Decide());

        var suppressed = Assert.IsType<SuppressDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.ContactBudget, suppressed.Rule);
        Assert.Equal(TestProgram.Start.AddDays(365), suppressed.EligibleAgainAt);

        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
        Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    [Fact]
    public void Decide_RelationalSurveys_CannotUseTheTransactionalReserve()
    {
        var t = Budget(3, 2, 0);
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));

        // A second relational contact (by hand, so the cadence does not stop it first) would eat the transactional reserve.
        var manual = t.InviteManually(TestProgram.Event(kind: SurveyKind.Relational), "test");
        Assert.Equal(FatigueRuleNames.ContactBudget, Assert.IsType<SuppressDecision>(manual).Rule);

        Assert.IsType<InviteDecision>(t.Decide());
        Assert.IsType<InviteDecision>(t.Decide());
        Assert.Equal(FatigueRuleNames.ContactBudget, Assert.IsType<SuppressDecision>(t.Decide()).Rule);
    }

    [Fact]
    public void Decide_BudgetWindowPasses_FreesTheOldestContact()
    {
        var t = Budget(1, 0, 0);
        Assert.IsType<InviteDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromDays(365) - TimeSpan.FromMilliseconds(1));
        Assert.IsType<SuppressDecision>(t.Decide());
        t.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.IsType<InviteDecision>(t.Decide());
    }
}
