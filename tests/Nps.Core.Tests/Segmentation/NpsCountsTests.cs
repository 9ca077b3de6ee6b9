using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class NpsCountsTests
{
    private sealed class ListSource(IReadOnlyList<SurveyResponse> responses) : INpsCountSource
    {
        public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var row in NpsCounts.Count(responses, query)) yield return row;
        }
    }

    [Fact]
    public async Task BuildReportAsync_CountsOfSeededResponsesAcrossDst_EqualBuilderFedOneByOne()
    {
        var responses = CountTestData.Responses(seed: 20260329, count: 3_000);
        var source = new ListSource(responses);
        foreach (var options in CountTestData.Options())
        {
            var expected = new NpsReportBuilder(options);
            expected.AddRange(responses);
            var actual = await source.BuildReportAsync(options, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
        }
    }

    [Fact]
    public async Task BuildReportAsync_FromTo_CountsOnlyThatRange()
    {
        var responses = CountTestData.Responses(seed: 7, count: 1_000);
        var from = new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero);
        var options = new NpsReportOptions { Dimensions = ["team"], Period = Period.Week };
        var expected = new NpsReportBuilder(options);
        expected.AddRange(responses.Where(r => r.RespondedAt >= from && r.RespondedAt < to));
        var actual = await new ListSource(responses).BuildReportAsync(options, from, to, TestContext.Current.CancellationToken);
        Assert.Equal(ReportFingerprint.Of(expected.Build()), ReportFingerprint.Of(actual));
    }

    [Fact]
    public void Count_SameGroup_SumsCountsWeightsAndProbabilityRange()
    {
        var at = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero); // 01:30 in Berlin, before the clocks go forward
        var responses = new[]
        {
            ResponseFactory.Response(9, at, team: "a", inclusionProbability: 0.5),
            ResponseFactory.Response(9, at.AddHours(22), team: "a", inclusionProbability: 0.25), // 00:30 on the 30th in Berlin (UTC+2)
            ResponseFactory.Response(9, at.AddHours(21), team: "a"), // 23:30 on the 29th in Berlin
        };
        var query = new NpsCountQuery { Dimensions = ["team"], Period = Period.Day, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };

        var rows = NpsCounts.Count(responses, query);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateOnly(2026, 3, 29), rows[0].Period!.Value.Start);
        Assert.Equal(["a"], rows[0].DimensionValues);
        Assert.Equal((2L, 3.0, 5.0, 0.5, 1.0), (rows[0].Count, rows[0].WeightSum, rows[0].SquaredWeightSum, rows[0].MinInclusionProbability, rows[0].MaxInclusionProbability));
        Assert.Equal(new DateOnly(2026, 3, 30), rows[1].Period!.Value.Start);
        Assert.Equal((1L, 4.0, 16.0), (rows[1].Count, rows[1].WeightSum, rows[1].SquaredWeightSum));
    }

    [Fact]
    public void Add_RowOfAnotherPeriodKind_ThrowsNamingBoth()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Period = Period.Month });
        var row = NpsCountRow.Unweighted(TimeBucket.Containing(new DateOnly(2026, 3, 2), Period.Week), [], NpsRating.From(9), false, 3);

        var error = Assert.Throws<ArgumentException>(() => builder.Add(in row));

        Assert.Equal("The row's period (2026-W10) is not of the report's kind (Month). (Parameter 'row')", error.Message);
    }

    [Fact]
    public void Add_RowWithTooFewValues_ThrowsWithCounts()
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team", "agent"] });
        var row = NpsCountRow.Unweighted(null, ["a"], NpsRating.From(9), false, 3);

        var error = Assert.Throws<ArgumentException>(() => builder.Add(in row));

        Assert.Equal("Expected 2 dimension values; got 1. (Parameter 'row')", error.Message);
    }

    [Fact]
    public void Add_UnweightedRow_CountsAsThatManyResponses()
    {
        var options = new NpsReportOptions { Dimensions = ["team"], MinimumCount = 1 };
        var counted = new NpsReportBuilder(options);
        counted.Add(NpsCountRow.Unweighted(null, ["a"], NpsRating.From(10), false, 4));
        counted.Add(NpsCountRow.Unweighted(null, ["a"], NpsRating.From(3), true, 2));
        var fed = new NpsReportBuilder(options);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 4; i++) fed.Add(ResponseFactory.Response(10, at, team: "a"));
        for (var i = 0; i < 2; i++) fed.Add(ResponseFactory.Response(3, at, team: "a", isManual: true));

        Assert.Equal(ReportFingerprint.Of(fed.Build()), ReportFingerprint.Of(counted.Build()));
    }
}
