using Nps.Insights;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Tests.Serialization;

public sealed class InsightDocumentTests
{
    private static CoachingSignal Signal() => new(CoachingSignalKinds.PostLaunchDrop, "agent", "O01", new SignalEvidence
    {
        Count = 208,
        Score = -10.0 / 3,
        Interval = new NpsInterval(-14.5, 7.75, -3.4, 0.9, IntervalMethod.AdjustedWald),
        PValue = 0.000812345678,
        Reference = "first 3 periods",
        ReferenceScore = 31.7,
        ReferenceCount = 95,
        Periods = ["2025-02", "2025-03"],
        Summary = "dropped",
    });

    [Fact]
    public void CoachingSignals_From_ExactFieldNamesCountNotN()
    {
        var options = new CoachingSignalOptions { Dimension = "agent", Period = Period.Quarter, Level = 0.9, MinimumCount = 5 };

        var json = DocumentShape.Parse(NpsJson.Serialize(CoachingSignalsDocument.From([Signal()], options, rejected: 1)));

        Assert.Equal(["dimension", "period", "level", "minN", "rejected", "signals"], DocumentShape.Names(json));
        Assert.Equal("quarter", json.GetProperty("period").GetString());
        var signal = json.GetProperty("signals")[0];
        Assert.Equal(["kind", "dimension", "value", "evidence"], DocumentShape.Names(signal));
        Assert.Equal("post-launch-drop", signal.GetProperty("kind").GetString());
        var evidence = signal.GetProperty("evidence");
        Assert.Equal(["count", "score", "interval", "pValue", "periods", "reference", "referenceScore", "referenceCount", "difference", "standardError", "weighted", "summary",
            "since", "signalledIn", "differenceLower", "differenceUpper"], DocumentShape.Names(evidence));
        Assert.Equal(["lower", "upper", "level", "method"], DocumentShape.Names(evidence.GetProperty("interval")));
        Assert.Equal("adjusted-wald", evidence.GetProperty("interval").GetProperty("method").GetString());
        Assert.Equal(-10.0 / 3, evidence.GetProperty("score").GetDouble());
        Assert.Equal(0.000812345678, evidence.GetProperty("pValue").GetDouble());
    }

    private static SurveyResponse Response(int index, int rating, string? comment) => new()
    {
        ResponseId = "R" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RespondentId = "C1",
        Rating = NpsRating.From(rating),
        Comment = comment,
        RespondedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero).AddMinutes(index),
    };

    [Fact]
    public void ThemeAnalysis_From_ExactFieldNamesKebabBaselineAndNullForEmpty()
    {
        var responses = new[] { Response(0, 3, "Lang moeten wachten"), Response(1, 10, "Super vriendelijk"), Response(2, 8, "ok"), Response(3, 9, null) };
        var analysis = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default, new ThemeAnalysisOptions { Baseline = ThemeBaseline.AllOtherResponses, MinimumMentions = 1 });

        var json = DocumentShape.Parse(NpsJson.Serialize(ThemeAnalysisDocument.From(analysis)));

        Assert.Equal(["baseline", "responses", "commented", "commentsWithTheme", "rejected", "themes", "pending"], DocumentShape.Names(json));
        Assert.Equal("all-other-responses", json.GetProperty("baseline").GetString());
        Assert.Equal(["count", "promoters", "passives", "detractors", "nps"], DocumentShape.Names(json.GetProperty("responses")));
        var themes = json.GetProperty("themes").EnumerateArray().ToList();
        var speed = themes.Single(t => t.GetProperty("id").GetString() == "speed");
        Assert.Equal(["id", "name", "mentions", "others", "shareOfComments", "negatedMentions", "impact", "adjustedPValue", "significant", "weighted", "examples"], DocumentShape.Names(speed));
        Assert.Equal(1.0 / 3, speed.GetProperty("shareOfComments").GetDouble());
        Assert.Equal(["difference", "pValue", "lower", "upper"], DocumentShape.Names(speed.GetProperty("impact")));
        Assert.Equal(["responseId", "rating", "comment"], DocumentShape.Names(speed.GetProperty("examples")[0]));
        var price = themes.Single(t => t.GetProperty("id").GetString() == "price");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, price.GetProperty("mentions").GetProperty("nps").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, price.GetProperty("impact").ValueKind);
    }
}
