namespace Nps.Tests.Scoring;

public sealed class NpsPosteriorTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(75)]
    public void ProbabilityAtLeast_NoAnswers_IsTheUniformPriorsArea(double target)
    {
        // Under Dirichlet(1, 1, 1) the shares are uniform on the triangle; {p − d ≥ τ} for τ ≥ 0 is a triangle of
        // area (1 − τ)²/4 out of 1/2, so P = (1 − τ)²/2; for τ < 0 it is the complement of the mirrored case.
        var tau = Math.Abs(target) / 100;
        var expected = target >= 0 ? (1 - tau) * (1 - tau) / 2 : 1 - ((1 - tau) * (1 - tau) / 2);

        Assert.Equal(expected, NpsPosterior.ProbabilityAtLeast(default(NpsCategoryCounts), target), 6);
    }

    [Fact]
    public void ProbabilityAtLeast_SymmetricCountsAtZero_IsOneHalf()
    {
        Assert.Equal(0.5, NpsPosterior.ProbabilityAtLeast(new NpsCategoryCounts(120, 80, 120), 0), 8);
    }

    [Fact]
    public void ProbabilityAtLeast_Ends_AreCertain()
    {
        var counts = new NpsCategoryCounts(3, 4, 5);

        Assert.Equal(1, NpsPosterior.ProbabilityAtLeast(counts, -100), 9);
        Assert.Equal(0, NpsPosterior.ProbabilityAtLeast(counts, 100), 9);
    }

    [Theory]
    [InlineData(20, 30, 50, 30)]
    [InlineData(20, 30, 50, 20)]
    [InlineData(150, 100, 250, 20)]
    [InlineData(5, 0, 40, 70)]
    [InlineData(400, 300, 300, -5)]
    [InlineData(2000, 3000, 5000, 30.5)]
    [InlineData(1, 2, 0, -40)]
    [InlineData(60, 25, 15, -40)]
    public void ProbabilityAtLeast_AgreesWithMonteCarloOfThePosterior(long detractors, long passives, long promoters, double target)
    {
        // An independent computation: 200,000 seeded draws of Dirichlet(d + 1, a + 1, p + 1) as normalised Gamma
        // variates (Marsaglia–Tsang), counting 100·(P − D) ≥ target. Tolerance: the 0.005 the library promises
        // plus four Monte-Carlo standard errors.
        const int draws = 200_000;
        var random = new Random(20_261_201);
        var hits = 0;
        for (var i = 0; i < draws; i++)
        {
            var d = Gamma(random, detractors + 1);
            var a = Gamma(random, passives + 1);
            var p = Gamma(random, promoters + 1);
            if (100 * (p - d) / (d + a + p) >= target) hits++;
        }

        var monteCarlo = (double)hits / draws;
        var standardError = Math.Sqrt(Math.Max(monteCarlo * (1 - monteCarlo), 1e-6) / draws);

        var exact = NpsPosterior.ProbabilityAtLeast(new NpsCategoryCounts(detractors, passives, promoters), target);

        Assert.InRange(exact, monteCarlo - 0.005 - (4 * standardError), monteCarlo + 0.005 + (4 * standardError));
    }

    [Theory]
    [InlineData(20_000, 40_000, 40_000, 20.1)]
    [InlineData(60_000, 0, 40_000, -19.5)]
    [InlineData(5_000, 90_000, 5_000, 0.3)]
    public void ProbabilityAtLeast_AcrossTheNormalThreshold_AgreesWithTheQuadrature(long detractors, long passives, long promoters, double target)
    {
        // 100,000 answers are integrated; one more switches to the normal with the posterior's exact moments.
        var integrated = NpsPosterior.ProbabilityAtLeast(new NpsCategoryCounts(detractors, passives, promoters), target);
        var normal = NpsPosterior.ProbabilityAtLeast(new NpsCategoryCounts(detractors, passives, promoters + 1), target);

        Assert.Equal(NpsPosterior.NormalApproximationAbove, detractors + passives + promoters);
        Assert.InRange(normal - integrated, -0.002, 0.002);
    }

    [Fact]
    public void ProbabilityAtLeast_HugeSample_IsTheNormalTail()
    {
        // n = 10⁹ with NPS 20: the posterior's SD is √(0.56 / n) ≈ 0.0000237 in share, so 20.001 points is z ≈ 0.4226.
        var counts = new NpsCategoryCounts(200_000_000, 400_000_000, 400_000_000);

        Assert.Equal(0.3363, NpsPosterior.ProbabilityAtLeast(counts, 20.001), 3);
    }

    /// <summary>A Gamma(shape, 1) variate (Marsaglia and Tsang 2000); shape ≥ 1 here.</summary>
    private static double Gamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            double x, v;
            do
            {
                x = StandardNormal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v)))) return d * v;
        }

        throw new InvalidOperationException("Gamma sampler did not accept within 1,000 attempts.");
    }

    private static double StandardNormal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
