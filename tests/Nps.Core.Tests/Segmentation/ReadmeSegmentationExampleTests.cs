using System.Globalization;
using System.Text;
using Nps.Insights;
using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

/// <summary>The report-builder example of docs/segmentation.md on seeded monthly data (the README block itself is
/// compiled and its output asserted by tests/Nps.Readme.Tests on the bundled data).</summary>
public sealed class ReadmeSegmentationExampleTests
{
    private static List<SurveyResponse> Responses()
    {
        var random = new Random(2026);
        var list = new List<SurveyResponse>();
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        foreach (var (team, n, scores) in new[] { ("care", 400, (40, 38, 22)), ("sales", 300, (30, 31, 33)), ("billing", 20, (10, 10, 10)) })
        {
            for (var month = 0; month < 3; month++)
            {
                var score = month switch { 0 => scores.Item1, 1 => scores.Item2, _ => scores.Item3 };
                for (var i = 0; i < n; i++)
                {
                    list.Add(ResponseFactory.Response(ResponseFactory.RatingForScore(random, score),
                        start.AddMonths(month).AddHours(random.Next(24 * 27)), team: team, agent: team + "-" + random.Next(5),
                        isManual: random.Next(50) == 0));
                }
            }
        }

        return list;
    }

    [Fact]
    public void ReadmeExample_TeamsByMonth_PrintsCellsWithIntervalsAndSignificantChanges()
    {
        var responses = Responses();
        var output = new StringBuilder();

        // --- README code starts here ---
        var builder = new NpsReportBuilder(new NpsReportOptions
        {
            Dimensions = ["team"],
            Period = Period.Month,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"),
            MinimumCount = 30, // below this a cell says "not enough data" (the interval is still there)
        });
        foreach (var response in responses) builder.Add(response); // streaming: memory grows with cells, not rows
        NpsReport report = builder.Build();

        foreach (var cell in report.Cells)
        {
            var score = cell.EnoughData
                ? string.Create(CultureInfo.InvariantCulture, $"NPS {cell.Score:0.0} {cell.Interval}")
                : "not enough data";
            var change = cell.VersusPrevious is { IsSignificant: true } test
                ? string.Create(CultureInfo.InvariantCulture, $"  {test.Difference:+0.0;-0.0} vs previous month (q={test.AdjustedPValue:0.###})")
                : "";
            output.AppendLine(CultureInfo.InvariantCulture, $"{cell["period"]} {cell["team"],-8} n={cell.Count,4}  {score}{change}");
        }
        // --- README code ends here ---

        var text = output.ToString();
        Assert.Contains("2026-03 care", text, StringComparison.Ordinal);
        Assert.Contains("billing  n=  ", text, StringComparison.Ordinal);
        Assert.Contains("not enough data", text, StringComparison.Ordinal);
        var careMarch = report.Find(new("period", "2026-03"), new("team", "care"))!;
        Assert.True(careMarch.VersusPrevious!.Value.IsSignificant);
        Assert.True(careMarch.ManualSends > 0);
        Assert.Equal(9, report.Cells.Count);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "nps-readme-segmentation.txt"), text);
    }

    [Fact]
    public void ReadmeExample_DenseFastPath_CountsColumns()
    {
        // --- README code starts here ---
        var agents = new SegmentIdMap<string>();
        int[] segmentIds = [agents.GetOrAdd("ann"), agents.GetOrAdd("bob"), agents.GetOrAdd("ann")]; // map once, at ingest
        byte[] ratings = [10, 6, 9];

        var aggregator = new DenseNpsAggregator(agents.Count);
        aggregator.Add(segmentIds, ratings); // or aggregator.AddParallel(segmentIds, ratings) on all cores
        NpsDistribution ann = aggregator.GetDistribution(agents.GetOrAdd("ann"));
        // --- README code ends here ---

        Assert.Equal(100, ann.Score);
        Assert.Equal(3, aggregator.Count);
    }

    [Fact]
    public void ReadmeExample_CoachingSignalsAndRanking_RunOnTheSameResponses()
    {
        var responses = Responses();
        var report = new NpsReportBuilder(new NpsReportOptions { Dimensions = ["team"], MinimumCount = 100 }).Also(b => b.AddRange(responses)).Build();

        // --- README code starts here ---
        var launches = new Dictionary<string, DateOnly> { ["O01"] = new DateOnly(2025, 2, 3) };
        var detector = new CoachingSignalDetector(new CoachingSignalOptions { Dimension = "agent", Period = Period.Month, Launches = launches });
        foreach (CoachingSignal signal in detector.Detect(responses))
        {
            Console.WriteLine(signal); // e.g. "underperformance agent=a7: below peers by 24.1 points (SE 4.0) over … (n=…, q=…)"
        }

        // Where an order must be shown: by the lower confidence bound, cells below the minimum n hidden.
        IReadOnlyList<NpsReportCell> ordered = NpsRanking.ByLowerBound(report.Cells);
        // --- README code ends here ---

        Assert.Equal(2, ordered.Count);
        Assert.DoesNotContain(ordered, c => c["team"] == "billing");
        Assert.True(ordered[0].Interval.Lower >= ordered[1].Interval.Lower);
    }
}

internal static class BuilderExtensions
{
    public static NpsReportBuilder Also(this NpsReportBuilder builder, Action<NpsReportBuilder> action)
    {
        action(builder);
        return builder;
    }
}
