using System.Text.Json;
using Nps.Insights;

namespace Nps.Tests.Insights;

public sealed class ThemeAnalysisTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    internal static SurveyResponse Response(int index, int rating, string? comment, bool manual = false, double probability = 1) => new()
    {
        ResponseId = "R" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RespondentId = "C" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Rating = NpsRating.From(rating),
        Comment = comment,
        RespondedAt = At.AddMinutes(index),
        IsManual = manual,
        InclusionProbability = probability,
    };

    /// <summary>
    /// 10 comments about waiting (8 detractors, 2 passives: NPS −80), 10 other comments (2 detractors, 3 passives,
    /// 5 promoters: NPS +30) and 5 responses without a comment (all promoters).
    /// </summary>
    private static List<SurveyResponse> Scenario()
    {
        var responses = new List<SurveyResponse>();
        var i = 0;
        for (var k = 0; k < 8; k++) responses.Add(Response(i++, 3, k % 2 == 0 ? "Lang moeten wachten" : "I had to wait forever"));
        for (var k = 0; k < 2; k++) responses.Add(Response(i++, 7, "De wachttijd viel mee"));
        for (var k = 0; k < 2; k++) responses.Add(Response(i++, 5, "Geen idee waar ik moet beginnen"));
        for (var k = 0; k < 3; k++) responses.Add(Response(i++, 8, "ok"));
        for (var k = 0; k < 5; k++) responses.Add(Response(i++, 10, "Super vriendelijk!"));
        for (var k = 0; k < 5; k++) responses.Add(Response(i++, 9, k == 0 ? "   " : null));
        return responses;
    }

    [Fact]
    public void Analyze_Scenario_CountsMentionsByCategoryAndImpact()
    {
        var analysis = ThemeAnalysis.Analyze(Scenario(), ThemeTaxonomy.Default);

        Assert.Equal(new NpsCategoryCounts(10, 5, 10), analysis.Responses);
        Assert.Equal(new NpsCategoryCounts(10, 5, 5), analysis.Commented);
        Assert.Equal(17, analysis.CommentsWithTheme); // "ok" mentions nothing
        var speed = analysis["speed"];
        Assert.Equal("Speed / waiting time", speed.ThemeName);
        Assert.Equal(new NpsCategoryCounts(8, 2, 0), speed.Mentions);
        Assert.Equal(new NpsCategoryCounts(2, 3, 5), speed.Others);
        Assert.Equal(0.5, speed.ShareOfComments);
        Assert.Equal(-80, speed.ScoreWith);
        Assert.Equal(30, speed.ScoreWithout);

        var impact = speed.Impact!.Value;
        Assert.Equal(-110, impact.Difference, 9);
        Assert.Equal(NpsCategoryCounts.Compare(new(8, 2, 0), new(2, 3, 5)), impact);
        // SE = 100·√(0.16/10 + 0.61/10) = 27.75; z = −3.96
        Assert.Equal(27.7489, impact.StandardError, 3);
        Assert.True(impact.PValue < 0.001);
        Assert.True(impact.IsSignificant);
    }

    [Fact]
    public void Analyze_AllOtherResponsesBaseline_IncludesSilentRespondents()
    {
        var analysis = ThemeAnalysis.Analyze(Scenario(), ThemeTaxonomy.Default, new ThemeAnalysisOptions { Baseline = ThemeBaseline.AllOtherResponses });
        var speed = analysis["speed"];
        Assert.Equal(ThemeBaseline.AllOtherResponses, analysis.Baseline);
        Assert.Equal(new NpsCategoryCounts(2, 3, 10), speed.Others);
        Assert.Equal(100.0 * (10 - 2) / 15, speed.ScoreWithout!.Value, 9);
    }

    [Fact]
    public void Analyze_ThemeNobodyMentions_NoScoreNoImpact()
    {
        var price = ThemeAnalysis.Analyze(Scenario(), ThemeTaxonomy.Default)["price"];
        Assert.True(price.Mentions.IsEmpty);
        Assert.Null(price.ScoreWith);
        Assert.Equal(new NpsCategoryCounts(10, 5, 5), price.Others);
        Assert.Null(price.Impact);
        Assert.Empty(price.Examples);
    }

    [Fact]
    public void Analyze_EveryCommentMentionsTheme_NoImpactForEmptyBaseline()
    {
        var result = ThemeAnalysis.Analyze([Response(1, 2, "wachten"), Response(2, 9, "wacht")], ThemeTaxonomy.Default)["speed"];
        Assert.Equal(new NpsCategoryCounts(1, 0, 1), result.Mentions);
        Assert.Null(result.ScoreWithout);
        Assert.Null(result.Impact);
    }

    [Fact]
    public void Analyze_Examples_FirstInResponseOrderUpToTheLimit()
    {
        var speed = ThemeAnalysis.Analyze(Scenario(), ThemeTaxonomy.Default, new ThemeAnalysisOptions { ExamplesPerTheme = 2 })["speed"];
        Assert.Equal(
            [new ThemeExample("R0", NpsRating.From(3), "Lang moeten wachten"), new ThemeExample("R1", NpsRating.From(3), "I had to wait forever")],
            speed.Examples);
        Assert.Equal(NpsCategory.Detractor, speed.Examples[0].Category);
    }

    [Fact]
    public void Analyze_ManualSends_LeftOutUnlessIncluded()
    {
        SurveyResponse[] responses = [Response(1, 0, "wachten", manual: true), Response(2, 10, "snel")];
        Assert.Equal(new NpsCategoryCounts(0, 0, 1), ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default)["speed"].Mentions);
        Assert.Equal(new NpsCategoryCounts(1, 0, 1),
            ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default, new ThemeAnalysisOptions { IncludeManual = true })["speed"].Mentions);
    }

    [Fact]
    public void Analyze_NoResponses_EmptyFiguresPerTheme()
    {
        var analysis = ThemeAnalysis.Analyze([], ThemeTaxonomy.Default);
        Assert.Equal(8, analysis.Themes.Count);
        Assert.All(analysis.Themes, t => Assert.Equal(0, t.ShareOfComments));
    }

    [Fact]
    public void Indexer_UnknownTheme_Throws()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => ThemeAnalysis.Analyze([], ThemeTaxonomy.Default)["nope"]);
        Assert.Equal("No theme with id 'nope' in this analysis.", e.Message);
    }

    [Theory]
    [InlineData(-1, 0.95, "ExamplesPerTheme", "must be at least 0 (it is -1).", "-1")]
    [InlineData(3, 1.0, "Level", "A confidence level must lie strictly between 0 and 1 (e.g. 0.95); got 1.", "1")]
    public void Options_OutOfRange_Refused(int examples, double level, string field, string reason, string value)
    {
        var options = new ThemeAnalysisOptions { ExamplesPerTheme = examples, Level = level };
        Assert.Equal([new DataError(0, field, reason, value)], options.Errors());
        Assert.Throws<NpsOptionsException>(() => ThemeAnalysis.Analyze([], ThemeTaxonomy.Default, options));
    }

    [Fact]
    public void Serialize_Analysis_WritesCamelCaseWithNaNForEmptyGroups()
    {
        var json = JsonSerializer.Serialize(ThemeAnalysis.Analyze(Scenario(), ThemeTaxonomy.Default), ThemeJsonContext.Default.ThemeAnalysis);
        using var document = JsonDocument.Parse(json);
        var speed = document.RootElement.GetProperty("themes")[0];
        Assert.Equal("speed", speed.GetProperty("themeId").GetString());
        Assert.Equal(-80, speed.GetProperty("scoreWith").GetDouble());
        Assert.Equal(-110, speed.GetProperty("impact").GetProperty("difference").GetDouble(), 9);
        Assert.Equal(3, speed.GetProperty("examples")[0].GetProperty("rating").GetInt32());
        Assert.Equal("OtherComments", document.RootElement.GetProperty("baseline").GetString());
        Assert.Contains("\"NaN\"", json, StringComparison.Ordinal); // the score of price's empty mention group
    }
}
