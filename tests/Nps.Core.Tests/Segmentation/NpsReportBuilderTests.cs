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
    public void Add_SurveyKindAndFreeAttributeDimensions_GroupLikeGetDimensionAndLikeAddByFields()
    {
        var options = new NpsReportOptions { Dimensions = ["Survey_Kind", "region"] };
        var byResponse = new NpsReportBuilder(options);
        var byFields = new NpsReportBuilder(options);
        var responses = new[]
        {
            ResponseFactory.Response(10, Start) with { Kind = SurveyKind.Relational, Attributes = new Dictionary<string, string> { ["region"] = "north" } },
            ResponseFactory.Response(3, Start) with { Attributes = new Dictionary<string, string> { ["region"] = "north" } },
            ResponseFactory.Response(8, Start),
        };
        foreach (var response in responses)
        {
            byResponse.Add(response);
            byFields.Add(response.RespondedAt, response.Rating, [response.GetDimension("survey_kind"), response.GetDimension("region")]);
        }

        var a = byResponse.Build().Cells;
        var b = byFields.Build().Cells;
        Assert.Equal(["relational/north", "transactional/(none)", "transactional/north"], a.Select(c => c["survey_kind"] + "/" + c["region"]));
        Assert.Equal(a.Select(c => c.Distribution), b.Select(c => c.Distribution));
    }

    [Fact]
    public void Add_WrongNumberOfDimensionValues_Throws()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"] });
        var error = Assert.Throws<ArgumentException>(() => builder.Add(Start, NpsRating.From(5), ["a", "b"]));
        Assert.Equal("Expected 1 dimension values; got 2. (Parameter 'dimensionValues')", error.Message);
    }

    [Fact]
    public void Build_TimeZone_BucketsByLocalDayOfThatZone()
    {
        var lateOnNewYearsEveUtc = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var utc = new NpsReportBuilder(new NpsReportOptions { Period = Period.Year });
        var amsterdam = new NpsReportBuilder(new NpsReportOptions { Period = Period.Year, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") });
        utc.Add(ResponseFactory.Response(9, lateOnNewYearsEveUtc));
        amsterdam.Add(ResponseFactory.Response(9, lateOnNewYearsEveUtc));
        Assert.Equal("2025", utc.Build().Cells.Single()["period"]);
        Assert.Equal("2026", amsterdam.Build().Cells.Single()["period"]);
    }

    [Fact]
    public void Build_ManualSendsIncluded_CountsThemInTheScore()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { IncludeManual = true });
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

    [Property(MaxTest = 40)]
    public bool Add_RowsInRunsOfOneValue_SameReportAsShuffled(int seed, byte countRaw)
    {
        // A GROUP BY returns values in runs (each row a fresh string); the builder remembers the last value per dimension.
        var random = new Random(seed);
        string?[] teams = ["care", "sales", null, "Care"];
        var rows = Enumerable.Range(0, 1 + countRaw)
            .Select(_ => (At: Start.AddDays(random.Next(90)), Rating: random.Next(11), Team: teams[random.Next(teams.Length)], Agent: "a" + random.Next(3)))
            .ToList();
        var options = new NpsReportOptions { Dimensions = ["team", "agent"], Period = Period.Month, MinimumCount = 2 };
        var runs = new NpsReportBuilder(options);
        foreach (var row in rows.OrderBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.Agent, StringComparer.Ordinal))
        {
            runs.Add(row.At, NpsRating.From(row.Rating), [row.Team is null ? null : new string(row.Team.AsSpan()), new string(row.Agent.AsSpan())]);
        }

        var shuffled = new NpsReportBuilder(options);
        foreach (var row in rows.OrderBy(_ => random.Next())) shuffled.Add(row.At, NpsRating.From(row.Rating), [row.Team, row.Agent]);
        var report = runs.Build();
        var cellsAsCounted = rows.GroupBy(r => (r.Team ?? NpsReportCell.MissingValue, r.Agent, TimeBucket.Of(r.At, Period.Month).Label)).ToDictionary(g => g.Key, g => g.Count());
        return ReportFingerprint.Of(report) == ReportFingerprint.Of(shuffled.Build())
            && report.Cells.Count == cellsAsCounted.Count
            && report.Cells.All(c => cellsAsCounted[(c["team"]!, c["agent"]!, c.Period!.Value.Label)] == c.Count);
    }

    [Fact]
    public void Options_DuplicateDimension_ThrowsNamingIt()
    {
        var error = Assert.Throws<NpsOptionsException>(() => new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team", "Team"] }));
        Assert.Equal([new DataError(0, "Dimensions:1", "The dimension \"Team\" is listed twice.")], error.Errors);
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

    [Fact]
    public void BenjaminiHochberg_TiesAndNaN_TiedValuesShareOneQ()
    {
        var q = BenjaminiHochberg.Adjust([0.02, double.NaN, 0.02, 0.5, 0.02, 0.001]);
        Assert.Equal(0.001 * 5 / 1, q[5], 12);
        Assert.Equal(0.02 * 5 / 4, q[0], 12); // the three ties take rank 4's value, the smallest from rank 2 on
        Assert.Equal(q[0], q[2]);
        Assert.Equal(q[0], q[4]);
        Assert.Equal(0.5, q[3], 12);
        Assert.True(double.IsNaN(q[1]));
        Assert.Empty(BenjaminiHochberg.Adjust([]));
        Assert.Equal("A p-value must be in [0, 1]. (Parameter 'pValues')\nActual value was 1.5.",
            Assert.Throws<ArgumentOutOfRangeException>(() => BenjaminiHochberg.Adjust([0.1, 1.5])).Message.ReplaceLineEndings("\n"));
    }

    [Property(MaxTest = 100)]
    public bool BenjaminiHochberg_AnyPValues_EqualsTheStepUpDefinition(int seed, byte countRaw)
    {
        var random = new Random(seed);
        var p = Enumerable.Range(0, countRaw % 40).Select(_ => random.Next(5) == 0 ? Math.Round(random.NextDouble(), 1) : random.NextDouble()).ToArray();
        var q = BenjaminiHochberg.Adjust(p);
        var m = p.Length;
        var ranked = p.Select((value, index) => (value, index)).OrderBy(t => t.value).ToArray();
        for (var i = 0; i < m; i++)
        {
            var expected = 1.0;
            for (var j = i; j < m; j++) expected = Math.Min(expected, ranked[j].value * m / (j + 1)); // q(i) = min over j >= i of m p(j) / j
            if (Math.Abs(q[ranked[i].index] - expected) > 1e-12) return false;
        }

        return true;
    }
}
