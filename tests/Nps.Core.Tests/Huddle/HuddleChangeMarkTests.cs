using System.Globalization;
using Nps.Huddle;

namespace Nps.Tests.Huddle;

/// <summary>The brief's change mark: a lasting change from the team's usual level, by sequential monitoring of its weeks.</summary>
public sealed class HuddleChangeMarkTests
{
    // 40 answers a week for 46 weeks from 2025-W18: NPS about +30, then about −10 from the 41st week on.
    private static List<SurveyResponse> Weeks()
    {
        var random = new Random(41);
        var responses = new List<SurveyResponse>();
        var monday = new DateOnly(2025, 4, 28);
        for (var week = 0; week < 46; week++, monday = monday.AddDays(7))
        {
            var (promoters, detractors) = week < 40 ? (0.475, 0.175) : (0.275, 0.375);
            for (var i = 0; i < 40; i++)
            {
                var u = random.NextDouble();
                var rating = u < promoters ? 9 : u < promoters + detractors ? 4 : 8;
                var at = monday.AddDays(i % 5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00:00Z";
                responses.Add(HuddleTestData.Response($"W{week}-{i}", rating, at, null));
            }
        }

        return responses;
    }

    private static HuddleBrief Brief(List<SurveyResponse> responses, DateOnly day) =>
        new HuddleBriefBuilder(new HuddleBriefOptions { Team = "care", Period = HuddlePeriod.IsoWeekOf(day), Taxonomy = HuddleTestData.Taxonomy }).Build(responses);

    [Fact]
    public void Build_TeamFortyPointsLowerForSixWeeks_MarksBelowItsUsualLevelSinceTheChange()
    {
        var responses = Weeks();

        var brief = Brief(responses, new DateOnly(2026, 3, 9)); // 2026-W11, the 46th week

        var mark = Assert.IsType<Nps.Segmentation.ChangeMark>(brief.Change);
        Assert.Equal("below", mark.Direction);
        Assert.Contains(mark.Since, new[] { "2026-W05", "2026-W06", "2026-W07" }); // the 41st week is 2026-W06
        Assert.StartsWith("The score is below its usual level since " + mark.Since, brief.DiscussionPoints[0], StringComparison.Ordinal);
        Assert.Equal(mark, Nps.Serialization.HuddleBriefDocument.From(brief).Change is { } doc ? new Nps.Segmentation.ChangeMark(doc.Direction, doc.Since, doc.SignalledIn, doc.Usual, doc.Level, doc.Count) : null);
    }

    [Fact]
    public void Build_WeekBeforeTheChange_NoMark()
    {
        var brief = Brief(Weeks(), new DateOnly(2026, 1, 26)); // 2026-W05, the last unchanged week

        Assert.Null(brief.Change);
        Assert.StartsWith("No evidence of a change from the usual level", brief.DiscussionPoints[0], StringComparison.Ordinal);
    }
}
