using Nps.Insights;
using Nps.Segmentation;
using Nps.Tests.Segmentation;

namespace Nps.Tests.Insights;

/// <summary>The guards on theme impacts: a minimum number of mentions, the adjustment across themes, negation, weights.</summary>
public sealed class ThemeGuardTests
{
    private static SurveyResponse Response(int index, int rating, string? comment, double probability = 1) =>
        ThemeAnalysisTests.Response(index, rating, comment, probability: probability);

    [Fact]
    public void Analyze_ThemeMentionedOnce_ListedWithoutImpact()
    {
        var responses = new List<SurveyResponse> { Response(0, 0, "Veel te duur") };
        for (var i = 1; i <= 20; i++) responses.Add(Response(i, 10, "Prima"));

        var price = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default)["price"];

        Assert.Equal(new NpsCategoryCounts(1, 0, 0), price.Mentions);
        Assert.False(price.ImpactTested);
        Assert.Null(price.Impact);
        Assert.Null(price.AdjustedPValue);
        Assert.False(price.IsSignificant);
        Assert.Equal(-100, price.ScoreWith);
    }

    [Fact]
    public void Analyze_MinimumMentionsOption_TestsFromThatCount()
    {
        var responses = new List<SurveyResponse>();
        for (var i = 0; i < 4; i++) responses.Add(Response(i, 2, "Veel te duur"));
        for (var i = 4; i < 24; i++) responses.Add(Response(i, 10, "Prima"));

        Assert.Null(ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default)["price"].Impact);
        var analysis = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default, new ThemeAnalysisOptions { MinimumMentions = 4 });
        Assert.Equal(4, analysis.MinimumMentions);
        Assert.Equal(1, analysis.ImpactsTested);
        Assert.Equal(NpsCategoryCounts.Compare(new(4, 0, 0), new(0, 0, 20)), analysis["price"].Impact);
    }

    [Fact]
    public void Analyze_SeveralThemesTested_PValuesAdjustedTogether()
    {
        var random = new Random(11);
        var responses = new List<SurveyResponse>();
        string[] comments = ["Lang wachten", "Veel te duur", "Heel vriendelijk", "Geen oplossing", "ok"];
        for (var i = 0; i < 400; i++) responses.Add(Response(i, random.Next(0, 11), comments[i % comments.Length]));

        var analysis = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default);

        var tested = analysis.Themes.Where(t => t.ImpactTested).ToArray();
        Assert.Equal(["speed", "resolution", "friendliness", "price"], tested.Select(t => t.ThemeId));
        Assert.Equal(4, analysis.ImpactsTested);
        var expected = BenjaminiHochberg.Adjust(tested.Select(t => t.Impact!.Value.PValue).ToArray());
        Assert.Equal(expected, tested.Select(t => t.AdjustedPValue!.Value));
        Assert.All(tested, t => Assert.Equal(t.AdjustedPValue < 0.05, t.IsSignificant));
        Assert.All(analysis.Themes.Where(t => !t.ImpactTested), t => Assert.Null(t.AdjustedPValue));
    }

    [Fact]
    public void Analyze_NegatedMentions_CountedApartAndInMentions()
    {
        SurveyResponse[] responses =
        [
            Response(0, 2, "Niet vriendelijk"),
            Response(1, 3, "The agent was not helpful"),
            Response(2, 10, "Heel vriendelijk"),
            Response(3, 6, "Niet vriendelijk, maar later wel vriendelijk"), // one mention not negated: not counted as negated
        ];

        var friendliness = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default)["friendliness"];

        Assert.Equal(new NpsCategoryCounts(3, 0, 1), friendliness.Mentions);
        Assert.Equal(new NpsCategoryCounts(2, 0, 0), friendliness.NegatedMentions);
    }

    /// <summary>
    /// Mentions of waiting: 12 responses (8 detractors at p = 0.2, 4 promoters at p = 1); other comments: 14 (4
    /// detractors at p = 1, 10 promoters at p = 0.5). Expected values by the formulas written out here, not by the
    /// library (<see cref="WeightedReference"/>): weighted score Σw·x / Σw and linearised SE per group, and the SE
    /// of the difference √(SE₁² + SE₂²).
    /// </summary>
    [Fact]
    public void Analyze_ProbabilitiesDiffer_ImpactIsWeightedLinearisedComparison()
    {
        var responses = new List<SurveyResponse>();
        var i = 0;
        for (var k = 0; k < 8; k++) responses.Add(Response(i++, 2, "Lang wachten", 0.2));
        for (var k = 0; k < 4; k++) responses.Add(Response(i++, 9, "Snel", 1));
        for (var k = 0; k < 4; k++) responses.Add(Response(i++, 1, "Geen opmerkingen", 1));
        for (var k = 0; k < 10; k++) responses.Add(Response(i++, 10, "Prima", 0.5));

        var analysis = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default);
        var speed = analysis["speed"];

        Assert.True(analysis.Weighted);
        Assert.True(speed.ImpactIsWeighted);
        var (scoreWith, seWith) = WeightedReference.Estimate([.. Enumerable.Repeat((2, 0.2), 8), .. Enumerable.Repeat((9, 1.0), 4)]);
        var (scoreOthers, seOthers) = WeightedReference.Estimate([.. Enumerable.Repeat((1, 1.0), 4), .. Enumerable.Repeat((10, 0.5), 10)]);
        var impact = speed.Impact!.Value;
        Assert.Equal(scoreWith, impact.ScoreA, 9);
        Assert.Equal(scoreOthers, impact.ScoreB, 9);
        Assert.Equal(scoreWith - scoreOthers, impact.Difference, 9);
        Assert.Equal(Math.Sqrt((seWith * seWith) + (seOthers * seOthers)), impact.StandardError, 9);
        Assert.Equal(NormalDistribution.TwoSidedPValue(impact.Difference / impact.StandardError), impact.PValue, 12);
        Assert.Equal(-100.0 * 36 / 44, scoreWith, 9); // (4 − 40) / 44
    }

    [Fact]
    public void Analyze_EqualProbabilities_UnweightedImpact()
    {
        var responses = Enumerable.Range(0, 30).Select(i => Response(i, i % 11, i % 2 == 0 ? "wachten" : "prima", 0.25)).ToList();
        var analysis = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default);
        Assert.False(analysis.Weighted);
        Assert.False(analysis["speed"].ImpactIsWeighted);
        Assert.Equal(NpsCategoryCounts.Compare(analysis["speed"].Mentions, analysis["speed"].Others), analysis["speed"].Impact);
    }

    [Fact]
    public void Options_MinimumMentionsBelowOne_Throws()
    {
        var e = Assert.Throws<NpsOptionsException>(() => ThemeAnalysis.Analyze([], ThemeTaxonomy.Default, new ThemeAnalysisOptions { MinimumMentions = 0 }));
        Assert.Equal([new DataError(0, "MinimumMentions", "must be at least 1 (it is 0).", "0")], e.Errors);
    }
}
