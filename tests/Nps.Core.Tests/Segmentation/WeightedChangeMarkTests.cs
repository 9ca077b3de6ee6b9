using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

/// <summary>
/// A weighted report's change marks follow the weighted score with its linearised variance, as its other tests do:
/// 200 phone answers a week sampled at 1 and 20 chat answers sampled at 0.01 (each standing for 100 customers).
/// </summary>
public sealed class WeightedChangeMarkTests
{
    private static readonly DateTimeOffset FirstWeek = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    // One week's answers of a stratum: promoters, passives and detractors in the given numbers.
    private static IEnumerable<SurveyResponse> Stratum(DateTimeOffset week, int promoters, int passives, int detractors, double probability)
    {
        for (var i = 0; i < promoters; i++) yield return ResponseFactory.Response(10, week.AddMinutes(i), team: "care", inclusionProbability: probability);
        for (var i = 0; i < passives; i++) yield return ResponseFactory.Response(8, week.AddMinutes(i), team: "care", inclusionProbability: probability);
        for (var i = 0; i < detractors; i++) yield return ResponseFactory.Response(3, week.AddMinutes(i), team: "care", inclusionProbability: probability);
    }

    // 30 weeks; from week 15 on, phone (many answers, little weight) or chat (few answers, most weight) falls by 40 or 60 points.
    private static NpsReport Report(bool phoneFalls, bool weighted)
    {
        var builder = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], Period = Period.Week });
        for (var w = 0; w < 30; w++)
        {
            var week = FirstWeek.AddDays(7 * w);
            var after = w >= 15;
            var phone = phoneFalls && after ? Stratum(week, 60, 60, 80, 1) : Stratum(week, 100, 60, 40, 1);
            var chat = !phoneFalls && after ? Stratum(week, 4, 6, 10, weighted ? 0.01 : 1) : Stratum(week, 10, 6, 4, weighted ? 0.01 : 1);
            foreach (var response in phone.Concat(chat)) builder.Add(response);
        }

        return builder.Build();
    }

    private static List<ChangeMark> Marks(NpsReport report) => [.. report.Cells.Concat(report.PeriodTotals).Where(c => c.Change is not null).Select(c => c.Change!)];

    [Fact]
    public void Build_WeightedReportWhereOnlyTheLightStratumFalls_NoChangeMark()
    {
        // Unweighted the score falls 36 points; weighted 3.6, well within a week's standard error of about 16.
        Assert.NotEmpty(Marks(Report(phoneFalls: true, weighted: false)));
        Assert.Empty(Marks(Report(phoneFalls: true, weighted: true)));
    }

    [Fact]
    public void Build_WeightedReportWhereTheHeavyStratumFalls_MarkedBelowAtTheWeightedLevels()
    {
        var report = Report(phoneFalls: false, weighted: true);

        var marks = Marks(report);
        Assert.Equal(2, marks.Count); // the team's series and the totals
        foreach (var mark in marks)
        {
            Assert.Equal("below", mark.Direction);
            Assert.Equal("2026-W17", mark.Since); // week 15 counted from 2026-W02
            // Weighted: (200 × 0.3 + 2,000 × 0.3) / 2,200 before, (200 × 0.3 − 2,000 × 0.3) / 2,200 after; unweighted the level would be 24.5.
            var after = 100.0 * (60 - 600) / 2200;
            Assert.Equal("2026-W19", mark.SignalledIn);
            Assert.Equal(after, mark.Level, 9);
            // The usual level at the signal: the weeks before it but the last (15 before the fall, 2 after), alike in weight.
            Assert.Equal((15 * 30 + 2 * after) / 17, mark.Usual, 9);
        }

        Assert.Equal("2026-W19", report.Cells.Single(c => c.Change is not null).Period!.Value.Label);
    }

    [Fact]
    public void Build_UnweightedReportWhereTheSameFewAnswersFall_NoChangeMark()
    {
        // Counted alike, the 20 chat answers of 220 move the score by 5.5 points only: the mark above is the weights' doing.
        Assert.Empty(Marks(Report(phoneFalls: false, weighted: false)));
    }

    [Fact]
    public void Marks_EqualWeights_SameAsTheCountedSeries()
    {
        var random = new Random(40_000);
        for (var run = 0; run < 50; run++)
        {
            var counts = new List<(string Label, NpsCategoryCounts Counts)>();
            var sums = new List<(string Label, WeightedNpsAccumulator Sums)>();
            var shift = random.Next(10, 40);
            for (var t = 0; t < 60; t++)
            {
                long promoters = 0, passives = 0, detractors = 0;
                var accumulator = default(WeightedNpsAccumulator);
                for (var i = random.Next(0, 50); i > 0; i--)
                {
                    var rating = ResponseFactory.RatingForScore(random, t < 30 ? 30 : 30 - shift);
                    accumulator.Add(rating, 1);
                    switch (NpsRating.Classify(rating))
                    {
                        case NpsCategory.Promoter: promoters++; break;
                        case NpsCategory.Detractor: detractors++; break;
                        default: passives++; break;
                    }
                }

                counts.Add(("t" + t, new NpsCategoryCounts(detractors, passives, promoters)));
                sums.Add(("t" + t, accumulator));
            }

            var expected = LevelChangeMonitor.Marks(counts, 52, minimumCount: 20);
            var actual = LevelChangeMonitor.Marks(sums, 52, minimumCount: 20);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Index, actual[i].Index);
                Assert.Equal((expected[i].Mark.Direction, expected[i].Mark.Since, expected[i].Mark.Count), (actual[i].Mark.Direction, actual[i].Mark.Since, actual[i].Mark.Count));
                Assert.Equal(expected[i].Mark.Level, actual[i].Mark.Level, 9);
                Assert.Equal(expected[i].Mark.Usual, actual[i].Mark.Usual, 9);
            }
        }
    }
}
