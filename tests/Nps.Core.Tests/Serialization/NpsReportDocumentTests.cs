using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Tests.Serialization;

public sealed class NpsReportDocumentTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    private static NpsReport Report(IntervalMethod method = IntervalMethod.AdjustedWald)
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], Period = Period.Month, MinimumCount = 2, IntervalMethod = method });
        builder.Add(March, NpsRating.From(10), ["Billing"]);
        builder.Add(March, NpsRating.From(8), ["Billing"]);
        builder.Add(March, NpsRating.From(3), ["Billing"]);
        builder.Add(March, NpsRating.From(9), ["Sales"], inclusionProbability: 1, isManual: true);
        return builder.Build();
    }

    [Fact]
    public void From_Report_ExactFieldNames()
    {
        var json = DocumentShape.Parse(NpsJson.Serialize(NpsReportDocument.From(Report(), rejected: 2)));

        Assert.Equal(["level", "method", "rejected", "minN", "includeManual", "overall", "segments", "includeUnsolicited"], DocumentShape.Names(json));
        Assert.Equal(
            ["dimensions", "count", "promoters", "passives", "detractors", "nps", "lower", "upper", "enoughData", "manualSends",
             "weightedNps", "weightedLower", "weightedUpper", "effectiveCount", "versusRest", "versusPrevious", "change", "unsolicited"],
            DocumentShape.Names(json.GetProperty("overall")));
        Assert.Equal(2, json.GetProperty("rejected").GetInt64());
    }

    [Theory]
    [InlineData(IntervalMethod.AdjustedWald, "adjusted-wald")]
    [InlineData(IntervalMethod.Wald, "wald")]
    [InlineData(IntervalMethod.Score, "score")]
    public void From_Method_KebabName(IntervalMethod method, string name)
    {
        Assert.Equal(name, NpsReportDocument.From(Report(method)).Method);
    }

    [Fact]
    public void From_EmptyCell_NpsLowerUpperNullAndPresent()
    {
        var json = DocumentShape.Parse(NpsJson.Serialize(NpsReportDocument.From(Report())));

        // Sales holds one manual send only, left out: an empty cell.
        var sales = json.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("dimensions").GetProperty("team").GetString() == "Sales");
        Assert.Equal(0, sales.GetProperty("count").GetInt64());
        Assert.Equal(1, sales.GetProperty("manualSends").GetInt64());
        foreach (var name in new[] { "nps", "lower", "upper", "weightedNps", "effectiveCount", "versusRest", "versusPrevious" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, sales.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public void From_Scores_FullPrecisionRoundTrip()
    {
        var report = Report();
        var billing = report.Cells.Single(c => c["team"] == "Billing");

        var back = NpsJson.Deserialize<NpsReportDocument>(NpsJson.Serialize(NpsReportDocument.From(report)))!;

        var cell = back.Segments.Single(s => s.Dimensions["team"] == "Billing");
        Assert.Equal(0, cell.Nps);
        Assert.Equal(billing.Interval.Lower, cell.Lower);
        Assert.Equal(billing.Interval.Upper, cell.Upper);
        Assert.Equal("2026-03", cell.Dimensions["period"]);
        Assert.Equal(NpsJson.Serialize(NpsReportDocument.From(report)), NpsJson.Serialize(back));
    }
}
