using FsCheck;
using FsCheck.Xunit;
using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class NpsReportBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<SurveyResponse> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var teams = new[] { "care", "sales", "billing", null };
        var channels = new[] { "phone", "chat" };
        var list = new List<SurveyResponse>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ResponseFactory.Response(random.Next(11), Start.AddHours(random.Next(24 * 200)),
                team: teams[random.Next(teams.Length)], channel: channels[random.Next(2)],
                inclusionProbability: random.Next(4) == 0 ? 0.5 : 1, isManual: random.Next(10) == 0));
        }

        return list;
    }

    [Property(MaxTest = 60)]
    public bool Build_GroupingThenMerging_EqualsUngrouped(int seed, byte sizeRaw, byte periodRaw)
    {
        var responses = Generate(seed, sizeRaw * 3);
        var grouped = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team", "channel"], Period = (Period)(periodRaw % 5) });
        var ungrouped = new NpsReportBuilder(new NpsReportOptions());
        grouped.AddRange(responses);
        ungrouped.AddRange(responses);
        var report = grouped.Build();
        var merged = report.Cells.Aggregate(NpsDistribution.Empty, (sum, cell) => sum + cell.Distribution);
        var mergedTotals = report.PeriodTotals.Aggregate(NpsDistribution.Empty, (sum, cell) => sum + cell.Distribution);
        var plain = NpsDistribution.FromRatings(responses.Where(r => !r.IsManual).Select(r => (byte)r.Rating.Value).ToArray());
        return merged == ungrouped.Build().Overall.Distribution && merged == report.Overall.Distribution && mergedTotals == merged
            && merged == plain && report.Cells.Sum(c => c.ManualSends) == responses.Count(r => r.IsManual);
    }

    [Property(MaxTest = 100)]
    public bool EnoughData_IsFalseExactlyBelowMinimum(PositiveInt minimumRaw, byte countRaw)
    {
        var minimum = 1 + minimumRaw.Get % 60;
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], MinimumCount = minimum });
        for (var i = 0; i < countRaw % 80; i++) builder.Add(ResponseFactory.Response(i % 11, Start, team: "care"));
        var report = builder.Build();
        var n = countRaw % 80;
        return n == 0 ? report.Cells.Count == 0
            : report.Cells[0].EnoughData == (n >= minimum) && report.Cells[0].Interval.Width > 0;
    }

    [Fact]
    public void Build_TeamsByMonth_CellsCarryCountsSharesIntervalsAndLabels()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], Period = Period.Month, MinimumCount = 3 });
        builder.Add(ResponseFactory.Response(10, Start, team: "care"));
        builder.Add(ResponseFactory.Response(9, Start.AddDays(1), team: "care"));
        builder.Add(ResponseFactory.Response(3, Start.AddDays(2), team: "care"));
        builder.Add(ResponseFactory.Response(8, Start.AddDays(40), team: "care"));
        builder.Add(ResponseFactory.Response(0, Start.AddDays(3), team: "care", isManual: true));
        builder.Add(ResponseFactory.Response(7, Start.AddDays(3)));

        var report = builder.Build();

        Assert.Equal(["2026-01", "2026-01", "2026-02"], report.Cells.Select(c => c["period"]));
        var january = report.Find(new("period", "2026-01"), new("team", "care"))!;
        Assert.Equal(3, january.Count);
        Assert.Equal((1L, 0L, 2L), (january.Detractors, january.Passives, january.Promoters));
        Assert.Equal(100.0 / 3, january.Score, 9);
        Assert.True(january.EnoughData);
        Assert.Equal(1, january.ManualSends);
        Assert.Null(january.Weighted);
        Assert.Equal(january.Distribution.ConfidenceInterval(), january.Interval);
        Assert.Equal(NpsReportCell.MissingValue, report.Cells[0]["team"]);
        var february = report.Find(new("period", "2026-02"), new("team", "care"))!;
        Assert.False(february.EnoughData);
        Assert.Equal(5, report.Overall.Count);
        Assert.Equal(1, report.Overall.ManualSends);
        Assert.Equal(["2026-01", "2026-02"], report.PeriodTotals.Select(c => c["period"]));
    }

    [Fact]
    public void Build_ManualSendsIncluded_CountsThemInTheScore()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { IncludeManualSends = true });
        builder.Add(ResponseFactory.Response(0, Start, isManual: true));
        var report = builder.Build();
        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(1, report.Overall.ManualSends);
    }

    [Fact]
    public void Build_UnequalInclusionProbabilities_ReportsWeightedEstimate()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"] });
        builder.Add(ResponseFactory.Response(10, Start, team: "care", inclusionProbability: 1));
        builder.Add(ResponseFactory.Response(0, Start, team: "care", inclusionProbability: 0.25));
        var cell = builder.Build().Cells.Single();
        Assert.Equal(0.0, cell.Score);
        Assert.NotNull(cell.Weighted);
        Assert.Equal(100.0 * (1 - 4) / 5, cell.Weighted!.Value.Score, 9);
    }

    [Fact]
    public void Build_OneTeamFarBelowTheRest_IsSignificantVersusRestAfterAdjustment()
    {
        var random = new Random(7);
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], Period = Period.Quarter });
        foreach (var team in new[] { "a", "b", "c", "d" })
        {
            for (var i = 0; i < 800; i++)
            {
                var score = team == "d" ? 0 : 40;
                builder.Add(ResponseFactory.Response(ResponseFactory.RatingForScore(random, score), Start.AddDays(random.Next(180)), team: team));
            }
        }

        var report = builder.Build();
        var d = report.Cells.Where(c => c["team"] == "d").ToList();
        Assert.All(d, cell => Assert.True(cell.VersusRest!.Value.IsSignificant));
        Assert.All(d, cell => Assert.True(cell.VersusRest!.Value.Difference < -25));
        Assert.All(report.Cells.Where(c => c["period"] == "2026-Q2"), cell => Assert.NotNull(cell.VersusPrevious));
        Assert.Equal(8 + 4 + 1, report.TestCount); // 8 vs rest, 4 segments vs previous quarter, 1 total vs previous
        Assert.All(report.Cells, cell => Assert.True(cell.VersusRest!.Value.AdjustedPValue >= cell.VersusRest.Value.PValue));
    }

    [Fact]
    public void Options_DuplicateDimension_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team", "Team"] }));
        Assert.Equal("The dimension \"Team\" is listed twice. (Parameter 'Dimensions')", error.Message);
    }

    [Fact]
    public void BenjaminiHochberg_KnownValues_MatchStepUpDefinition()
    {
        var q = BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005, double.NaN]);
        Assert.Equal(0.02, q[0], 12);
        Assert.Equal(0.04, q[1], 12);
        Assert.Equal(0.04, q[2], 12);
        Assert.Equal(0.02, q[3], 12);
        Assert.True(double.IsNaN(q[4]));
    }
}
