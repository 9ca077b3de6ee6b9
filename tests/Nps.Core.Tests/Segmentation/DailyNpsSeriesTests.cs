using FsCheck.Xunit;
using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

public sealed class DailyNpsSeriesTests
{
    [Property(MaxTest = 100)]
    public bool TrailingWindows_AnyInput_EqualBruteForceRecomputation(int seed, byte windowRaw, byte sizeRaw)
    {
        var random = new Random(seed);
        var first = new DateOnly(2026, 1, 1);
        var answers = Enumerable.Range(0, sizeRaw * 2).Select(_ => (Day: first.AddDays(random.Next(120)), Rating: random.Next(11))).ToList();
        var series = new DailyNpsSeries();
        foreach (var (day, rating) in answers) series.Add(day, NpsRating.From(rating));
        var days = 1 + windowRaw % 40;
        var windows = series.TrailingWindows(days, first.AddDays(10), first.AddDays(130));
        return windows.Count == 121 && windows.All(w =>
        {
            var brute = NpsDistribution.FromRatings(answers.Where(a => a.Day >= w.End.AddDays(1 - days) && a.Day <= w.End)
                .Select(a => (byte)a.Rating).ToArray());
            return w.Distribution == brute && w.Start == w.End.AddDays(1 - days);
        });
    }

    [Fact]
    public void Add_ResponsesInZone_CountOnLocalDayAndSkipManualSends()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var series = new DailyNpsSeries(amsterdam);
        series.Add(ResponseFactory.Response(10, new DateTimeOffset(2026, 1, 1, 23, 30, 0, TimeSpan.Zero)));
        series.Add(ResponseFactory.Response(0, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), isManual: true));
        Assert.Equal(1, series.GetDay(new DateOnly(2026, 1, 2)).Count);
        Assert.True(series.GetDay(new DateOnly(2026, 1, 1)).IsEmpty);
    }
}
