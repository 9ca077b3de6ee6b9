using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

/// <summary>The report's comparisons use weighted estimates when inclusion probabilities differ, checked against <see cref="WeightedReference"/>.</summary>
public sealed class WeightedReportComparisonTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = new(2026, 2, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Two teams over two months; chat is sampled at 0.2, phone at 1, so the teams' mixes differ.</summary>
    private static List<(string Team, DateTimeOffset At, int Rating, double Probability)> Data()
    {
        var random = new Random(7);
        var rows = new List<(string, DateTimeOffset, int, double)>();
        foreach (var month in new[] { January, February })
        {
            foreach (var team in new[] { "care", "sales" })
            {
                for (var i = 0; i < 60; i++)
                {
                    var chat = random.NextDouble() < (team == "care" ? 0.7 : 0.3);
                    var score = chat ? -20 : (team == "care" ? 40 : 10) + (month == February ? 15 : 0);
                    rows.Add((team, month.AddHours(i), ResponseFactory.RatingForScore(random, score), chat ? 0.2 : 1.0));
                }
            }
        }

        return rows;
    }

    private static NpsReport Build(IEnumerable<(string Team, DateTimeOffset At, int Rating, double Probability)> rows)
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], Period = Period.Month, MinimumCount = 10 });
        foreach (var (team, at, rating, probability) in rows) builder.Add(ResponseFactory.Response(rating, at, team: team, inclusionProbability: probability));
        return builder.Build();
    }

    private static (int, double)[] Select(IEnumerable<(string Team, DateTimeOffset At, int Rating, double Probability)> rows) =>
        rows.Select(r => (r.Rating, r.Probability)).ToArray();

    [Fact]
    public void Build_WeightedSegmentOfOneResponseAtMinimumOne_NotTestedAndTheJsonWrites()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], MinimumCount = 1 });
        builder.Add(ResponseFactory.Response(10, January, team: "solo", inclusionProbability: 0.2));
        for (var i = 0; i < 20; i++) builder.Add(ResponseFactory.Response(i % 11, January.AddHours(i), team: "many", inclusionProbability: i % 2 == 0 ? 0.2 : 1.0));

        var report = builder.Build();

        // One weighted response has no variance estimate: the test is left out (not a NaN p-value that breaks the JSON
        // and the adjustment of every other test).
        Assert.Null(report.Find(new KeyValuePair<string, string>("team", "solo"))!.VersusRest);
        Assert.Null(report.Find(new KeyValuePair<string, string>("team", "many"))!.VersusRest);
        var json = Nps.Serialization.NpsJson.Serialize(Nps.Serialization.NpsReportDocument.From(report));
        Assert.Contains("\"solo\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProbabilitiesDiffer_VersusRestIsWeightedAgainstTheRestOfThePeriod()
    {
        var rows = Data();
        var report = Build(rows);
        var care = report.Find(new("period", "2026-01"), new("team", "care"))!;

        var expected = WeightedReference.Compare(
            Select(rows.Where(r => r.At.Month == 1 && r.Team == "care")),
            Select(rows.Where(r => r.At.Month == 1 && r.Team != "care")));
        var test = care.VersusRest!.Value;

        Assert.True(test.IsWeighted);
        Assert.Equal(expected.Difference, test.Difference, 9);
        Assert.Equal(expected.StandardError, test.Comparison.StandardError, 9);
        Assert.Equal(expected.PValue, test.PValue, 1e-6);
        Assert.Equal(care.Weighted!.Value.Score, test.Comparison.ScoreA, 9);
    }

    [Fact]
    public void Build_ProbabilitiesDiffer_VersusPreviousIsWeighted_ForSegmentsAndPeriodTotals()
    {
        var rows = Data();
        var report = Build(rows);

        var sales = report.Find(new("period", "2026-02"), new("team", "sales"))!.VersusPrevious!.Value;
        var expected = WeightedReference.Compare(
            Select(rows.Where(r => r.At.Month == 2 && r.Team == "sales")),
            Select(rows.Where(r => r.At.Month == 1 && r.Team == "sales")));
        Assert.True(sales.IsWeighted);
        Assert.Equal(expected.Difference, sales.Difference, 9);
        Assert.Equal(expected.StandardError, sales.Comparison.StandardError, 9);
        Assert.Equal(expected.PValue, sales.PValue, 1e-6);

        var total = report.PeriodTotals[1].VersusPrevious!.Value;
        var expectedTotal = WeightedReference.Compare(Select(rows.Where(r => r.At.Month == 2)), Select(rows.Where(r => r.At.Month == 1)));
        Assert.Equal(expectedTotal.Difference, total.Difference, 9);
        Assert.Equal(expectedTotal.StandardError, total.Comparison.StandardError, 9);
    }

    [Fact]
    public void Build_EqualProbabilities_UnweightedExactTests()
    {
        var rows = Data().Select(r => (r.Team, r.At, r.Rating, 0.5)).ToList();
        var report = Build(rows);
        var care = report.Find(new("period", "2026-01"), new("team", "care"))!;
        var sales = report.Find(new("period", "2026-01"), new("team", "sales"))!;

        Assert.False(care.VersusRest!.Value.IsWeighted);
        Assert.Equal(NpsDistribution.Compare(care.Distribution, sales.Distribution, 0.95), care.VersusRest!.Value.Comparison);
    }

    [Fact]
    public void Build_ProbabilitiesDiffer_OverallShowsWeightedBesideUnweighted()
    {
        var report = Build(Data());
        var overall = report.Overall;
        var weighted = overall.Weighted!.Value;

        var text = overall.ToString();

        Assert.Contains(FormattableString.Invariant($"n={overall.Count} NPS={overall.Score:0.0} {overall.Interval}"), text, StringComparison.Ordinal);
        Assert.EndsWith(FormattableString.Invariant(
            $"; weighted NPS={weighted.Score:0.0} {overall.WeightedInterval} effective n={weighted.EffectiveSampleSize:0.#}"), text, StringComparison.Ordinal);
    }
}
