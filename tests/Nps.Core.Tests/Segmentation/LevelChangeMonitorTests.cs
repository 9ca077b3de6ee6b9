using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

/// <summary>The trend's change marks under weekly looking: rare when nothing changed, prompt when the level moved.</summary>
public sealed class LevelChangeMonitorTests
{
    private const int Seeds = 200;
    private const double WeeksPerYear = 365.25 / 7;

    // A week of n answers at the given score: 35 % passives, the rest split to give the score.
    private static NpsCategoryCounts Week(Random random, int n, double score)
    {
        double promoters = (0.65 + score / 100) / 2, detractors = (0.65 - score / 100) / 2;
        long p = 0, d = 0;
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            if (u < promoters) p++;
            else if (u < promoters + detractors) d++;
        }

        return new NpsCategoryCounts(d, n - p - d, p);
    }

    private static List<(string Label, NpsCategoryCounts Counts)> Weeks(Random random, int weeks, Func<int, (int N, double Score)> week)
    {
        var start = TimeBucket.Containing(new DateOnly(2026, 1, 5), Period.Week);
        var series = new List<(string, NpsCategoryCounts)>(weeks);
        for (var w = 0; w < weeks; w++, start = start.Next)
        {
            var (n, score) = week(w);
            series.Add((start.Label, Week(random, n, score)));
        }

        return series;
    }

    [Fact]
    public void Marks_UnchangedTeamLookedAtWeeklyForFiveYears_AtMostOneFalseMarkInAtLeast180Of200Seeds()
    {
        var atMostOne = 0;
        var total = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(31_000 + seed);
            var marks = LevelChangeMonitor.Marks(Weeks(random, 261, _ => (20 + random.Next(41), 30)), WeeksPerYear, minimumCount: 30);
            total += marks.Count;
            if (marks.Count <= 1) atMostOne++;
        }

        Assert.InRange(atMostOne, 180, Seeds);
        Assert.InRange(total, 0, 130); // about one per 15 team-years: 1,000 team-years give about 67
    }

    [Fact]
    public void Marks_TeamFifteenPointsLowerFromWeekHundred_MarkedBelowSinceNearTheChangeWithinTwelveWeeks()
    {
        int found = 0, sinceNear = 0;
        var change = TimeBucket.Containing(new DateOnly(2026, 1, 5), Period.Week);
        for (var w = 0; w < 100; w++) change = change.Next;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(32_000 + seed);
            var series = Weeks(random, 112, w => (40, w < 100 ? 30 : 15));
            var mark = LevelChangeMonitor.Marks(series, WeeksPerYear, minimumCount: 30).Where(m => m.Index >= 100).Select(m => m.Mark).FirstOrDefault();
            if (mark is null) continue;
            found++;
            Assert.Equal("below", mark.Direction);
            Assert.StartsWith("below its usual level since " + mark.Since, mark.Summary, StringComparison.Ordinal);
            if (TimeBucket.TryParse(mark.Since, out var since) && since >= change.Previous.Previous.Previous.Previous && since <= change.Next.Next.Next.Next) sinceNear++;
        }

        Assert.InRange(found, 170, Seeds);
        // The change point of a weekly CUSUM is an estimate: within four weeks of the truth in most runs.
        Assert.InRange(sinceNear, (int)(0.8 * found), found);
    }

    [Fact]
    public void Marks_WeeksBelowTheMinimumCount_AddNothing()
    {
        var random = new Random(33_000);
        var series = Weeks(random, 60, w => (w % 2 == 0 ? 5 : 40, w % 2 == 0 ? -100 : 30));

        Assert.Empty(LevelChangeMonitor.Marks(series, WeeksPerYear, minimumCount: 30));
    }

    [Fact]
    public void Marks_ResultForAWeek_DoesNotDependOnLaterWeeks()
    {
        var series = Weeks(new Random(34_000), 80, w => (40, w < 40 ? 30 : 5));
        var all = LevelChangeMonitor.Marks(series, WeeksPerYear, minimumCount: 30);
        var first = Assert.Single(all);

        Assert.Equal(all, LevelChangeMonitor.Marks(series[..(first.Index + 1)], WeeksPerYear, minimumCount: 30));
    }
}
