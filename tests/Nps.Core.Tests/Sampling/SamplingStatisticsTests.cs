using Nps.Sampling;

namespace Nps.Tests.Sampling;

/// <summary>
/// The keyed draw behaves like independent coin flips at each stratum's rate. All inputs are fixed (key, ids, a
/// seeded generator), so these tests are deterministic; the bounds are the 0.999 chi-square quantiles.
/// </summary>
public sealed class SamplingStatisticsTests
{
    private const double ChiSquare1Dof999 = 10.83;

    private static SurveyProgramOptions Stratified(string key) => new()
    {
        SamplingKey = key,
        Sampling = new()
        {
            Policies =
            [
                new SamplingPolicyOptions { Name = "store", Rate = 1.0, Scope = new() { Channel = "store" } },
                new SamplingPolicyOptions { Name = "chat", Rate = 0.3, Scope = new() { Channel = "chat" } },
                new SamplingPolicyOptions { Name = "phone", Rate = 0.1, Scope = new() { Channel = "phone" } },
            ],
        },
    };

    [Theory]
    [InlineData("store", 1.0, 500)]
    [InlineData("chat", 0.3, 5_000)]
    [InlineData("phone", 0.1, 20_000)]
    public void SelectedShare_PerSegment_MatchesRate(string channel, double rate, int events)
    {
        var t = new TestProgram(Stratified(TestProgram.Key));
        var selected = 0;
        for (var i = 0; i < events; i++)
        {
            // A new customer per event: fatigue rules stay out of the way of the draw.
            var decision = t.Decide(TestProgram.Event($"{channel}-{i}", "E" + i) with { Channel = channel });
            Assert.Equal(rate, decision.Draw!.Value.Rate);
            if (decision is InviteDecision invite)
            {
                Assert.Equal(rate, invite.InclusionProbability);
                selected++;
            }
        }

        if (rate == 1.0)
        {
            Assert.Equal(events, selected);
            return;
        }

        var expected = events * rate;
        var chiSquare = (selected - expected) * (selected - expected) / (expected * (1 - rate));
        Assert.True(chiSquare < ChiSquare1Dof999, $"{selected} of {events} selected at rate {rate}: chi-square {chiSquare}");
    }

    [Fact]
    public void Selection_IsIndependentOfAnAttributeCorrelatedWithTheRating()
    {
        // Gold customers rate high, basic customers low. The draw must not know: selection rates per tier, and the
        // rating mix of the selected, match the population.
        var random = new Random(20261123);
        var sampler = new KeyedSampler(Convert.FromBase64String(TestProgram.Key));
        var table = new int[2, 2]; // [tier, selected]
        var ratingsAll = new long[11];
        var ratingsSelected = new long[11];
        for (var i = 0; i < 40_000; i++)
        {
            var gold = random.NextDouble() < 0.3;
            var rating = gold ? random.Next(7, 11) : random.Next(0, 9);
            var selected = sampler.Selects("K" + i, "E" + i, 0.2);
            table[gold ? 1 : 0, selected ? 1 : 0]++;
            ratingsAll[rating]++;
            if (selected) ratingsSelected[rating]++;
        }

        Assert.True(ChiSquareIndependence(table) < ChiSquare1Dof999);

        // Promoter / passive / detractor shares of the selected vs the rest: 2 degrees of freedom, 0.999 quantile 13.82.
        var categories = new int[2, 3];
        for (var r = 0; r <= 10; r++)
        {
            var c = r >= 9 ? 2 : r >= 7 ? 1 : 0;
            categories[0, c] += (int)(ratingsAll[r] - ratingsSelected[r]);
            categories[1, c] += (int)ratingsSelected[r];
        }

        Assert.True(ChiSquareIndependence(categories) < 13.82);
    }

    [Fact]
    public void AnotherKey_SelectsAnotherSet()
    {
        var a = new TestProgram(Stratified(TestProgram.Key));
        var b = new TestProgram(Stratified(TestProgram.OtherKey));
        int both = 0, onlyA = 0, onlyB = 0;
        for (var i = 0; i < 4_000; i++)
        {
            var e = TestProgram.Event("C" + i, "E" + i) with { Channel = "chat" };
            var inA = a.Decide(e) is InviteDecision;
            var inB = b.Decide(e) is InviteDecision;
            if (inA && inB) both++;
            else if (inA) onlyA++;
            else if (inB) onlyB++;
        }

        // Independent keys: the overlap is about 0.3 × 0.3 of the events, far from the 0.3 a shared selection would give.
        Assert.InRange(both, 250, 470);
        Assert.True(onlyA > 700 && onlyB > 700);
    }

    private static double ChiSquareIndependence(int[,] table)
    {
        var rows = table.GetLength(0);
        var columns = table.GetLength(1);
        double total = 0;
        var rowSums = new double[rows];
        var columnSums = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                rowSums[r] += table[r, c];
                columnSums[c] += table[r, c];
                total += table[r, c];
            }
        }

        double chiSquare = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var expected = rowSums[r] * columnSums[c] / total;
                chiSquare += (table[r, c] - expected) * (table[r, c] - expected) / expected;
            }
        }

        return chiSquare;
    }
}
