using System.Globalization;
using Nps.Sampling;

namespace Nps.Tests.Sampling;

/// <summary>Relational cadence: no burst when a program starts, and a minimum gap between two invitations.</summary>
public sealed class RelationalCadenceTests
{
    private static string Customer(int i) => "C" + i.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A new program (epoch = launch, 30-day cycle) asked every day about 600 customers: the first invitations are
    /// spread over the first cycle (each customer once, on their slot's day), with no day holding more than a small
    /// share of the base, and day 1 in particular not the whole base.
    /// </summary>
    [Fact]
    public void Decide_NewProgram_FirstInvitationsSpreadOverTheFirstCycle()
    {
        const int customers = 600;
        const int days = 30;
        var t = new TestProgram(TestProgram.InviteAll(o =>
        {
            o.Sampling.Epoch = TestProgram.Start;
            o.Sampling.RelationalCadence.CycleDays = days;
        }));
        var perDay = new int[days + 1]; // a slot late on day 30 is first asked about at the start of day 31
        var invited = new HashSet<string>(StringComparer.Ordinal);
        for (var day = 0; day <= days; day++)
        {
            for (var c = 0; c < customers; c++)
            {
                var decision = t.Decide(Customer(c), SurveyKind.Relational);
                if (decision is not InviteDecision) continue;
                perDay[day]++;
                Assert.True(invited.Add(Customer(c)), $"{Customer(c)} invited twice in the first cycle");
                var slot = t.Program.RelationalSlot(Customer(c), t.Clock.GetUtcNow());
                Assert.InRange(t.Clock.GetUtcNow() - slot, TimeSpan.Zero, TimeSpan.FromDays(1));
            }

            t.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(customers, invited.Count);
        Assert.True(perDay[0] <= customers / 10, $"day 1 invited {perDay[0]} of {customers}");
        Assert.True(perDay.Max() <= 3 * customers / days, $"busiest day invited {perDay.Max()}, the mean is {customers / days}");
    }

    [Fact]
    public void Decide_BeforeTheFirstSlot_SuppressedUntilIt()
    {
        var t = new TestProgram(TestProgram.InviteAll(o => o.Sampling.Epoch = TestProgram.Start));
        var customer = Enumerable.Range(0, 100).Select(Customer)
            .First(c => t.Program.RelationalSlot(c, TestProgram.Start) > TestProgram.Start.AddDays(10));
        var first = t.Program.RelationalSlot(customer, TestProgram.Start);

        var early = Assert.IsType<SuppressDecision>(t.Decide(customer, SurveyKind.Relational));

        Assert.Equal(SurveyProgram.RelationalCadenceRule, early.Rule);
        Assert.Equal($"not yet due: the first relational slot begins {first.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", early.Reason);
        Assert.Equal(first, early.EligibleAgainAt);
        t.Clock.Advance(first - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide(customer, SurveyKind.Relational));
    }

    /// <summary>
    /// A customer invited on the last day of their cycle would be due again a day later, at their next slot; the
    /// minimum gap (here the default, half of a 100-day cycle) keeps them waiting until 50 days after the invitation.
    /// </summary>
    [Theory]
    [InlineData(null, 50.0)]
    [InlineData(20, 20.0)]
    public void Decide_InvitedLateInTheCycle_NextInvitationAfterTheMinimumGap(int? gapDays, double expectedGap)
    {
        var t = new TestProgram(TestProgram.InviteAll(o =>
        {
            o.Sampling.Epoch = TestProgram.Start;
            o.Sampling.RelationalCadence.CycleDays = 100;
            o.Sampling.RelationalCadence.MinimumGapDays = gapDays;
        }));
        var slot = t.Program.RelationalSlot("C1", TestProgram.Start);
        var nextSlot = slot.AddDays(100);
        t.Clock.Advance(nextSlot.AddDays(-1) - t.Clock.GetUtcNow());
        var sent = t.Clock.GetUtcNow();
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));

        t.Clock.Advance(TimeSpan.FromDays(2)); // in the next slot
        var tooSoon = Assert.IsType<SuppressDecision>(t.Decide("C1", SurveyKind.Relational));

        Assert.Equal(SurveyProgram.RelationalCadenceRule, tooSoon.Rule);
        Assert.Equal(sent.AddDays(expectedGap), tooSoon.EligibleAgainAt);
        Assert.StartsWith("relational survey sent ", tooSoon.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"less than the minimum gap of {expectedGap.ToString(CultureInfo.InvariantCulture)} days ago", tooSoon.Reason, StringComparison.Ordinal);
        t.Clock.Advance(sent.AddDays(expectedGap) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    [Fact]
    public void Decide_ZeroGap_NextSlotIsEnough()
    {
        var t = new TestProgram(TestProgram.InviteAll(o =>
        {
            o.Sampling.Epoch = TestProgram.Start;
            o.Sampling.RelationalCadence.CycleDays = 100;
            o.Sampling.RelationalCadence.MinimumGapDays = 0;
        }));
        var nextSlot = t.Program.RelationalSlot("C1", TestProgram.Start).AddDays(100);
        t.Clock.Advance(nextSlot.AddDays(-1) - t.Clock.GetUtcNow());
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
        t.Clock.Advance(TimeSpan.FromDays(1));
        Assert.IsType<InviteDecision>(t.Decide("C1", SurveyKind.Relational));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void Validate_MinimumGapOutsideTheCycle_NamesTheOption(int gap)
    {
        var options = TestProgram.InviteAll(o => o.Sampling.RelationalCadence.MinimumGapDays = gap);
        Assert.Equal(
            [$"Sampling:RelationalCadence:MinimumGapDays must be within [0, CycleDays] (it is {gap}; CycleDays is 365)."],
            options.Validate());
    }
}
