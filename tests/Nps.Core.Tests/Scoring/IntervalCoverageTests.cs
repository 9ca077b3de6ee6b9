namespace Nps.Tests.Scoring;

/// <summary>
/// Seeded Monte-Carlo: draw random true trinomials and sample sizes from 10 to 500, and count how often each
/// 95 % interval covers the true NPS. Rocks (2016) found adjusted Wald and score close to nominal; plain Wald
/// under-covers at small n, which the test also shows so the comparison cannot be vacuous.
/// </summary>
public sealed class IntervalCoverageTests
{
    private const int Trials = 20_000;

    [Fact]
    public void Coverage_AdjustedWaldAndScoreAt95_AtLeast93Percent()
    {
        var random = new Random(20260314);
        int adjustedWald = 0, score = 0, wald = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            // True shares uniform on the simplex; n uniform in 10..500.
            double u = random.NextDouble(), v = random.NextDouble();
            if (u + v > 1) (u, v) = (1 - u, 1 - v);
            double promoterShare = u, detractorShare = v;
            var n = random.Next(10, 501);
            long promoters = 0, detractors = 0;
            for (var i = 0; i < n; i++)
            {
                var x = random.NextDouble();
                if (x < promoterShare) promoters++;
                else if (x < promoterShare + detractorShare) detractors++;
            }

            var counts = new NpsCategoryCounts(detractors, n - promoters - detractors, promoters);
            var truth = 100 * (promoterShare - detractorShare);
            if (counts.ConfidenceInterval(0.95, IntervalMethod.AdjustedWald).Contains(truth)) adjustedWald++;
            if (counts.ConfidenceInterval(0.95, IntervalMethod.Score).Contains(truth)) score++;
            if (counts.ConfidenceInterval(0.95, IntervalMethod.Wald).Contains(truth)) wald++;
        }

        Assert.True(adjustedWald >= 0.93 * Trials, $"adjusted Wald covered {adjustedWald / (double)Trials:P2}");
        Assert.True(score >= 0.93 * Trials, $"score covered {score / (double)Trials:P2}");
        Assert.True(wald < adjustedWald, "plain Wald should cover less often than adjusted Wald");
    }
}
