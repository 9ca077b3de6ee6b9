using Nps.Ambitions;
using Nps.Huddle;
using Nps.Serialization;

namespace Nps.Tests.Huddle;

/// <summary>The C# examples of docs/huddle.md and docs/ambitions.md, kept compiling and true.</summary>
public sealed class ReadmeHuddleExampleTests
{
    [Fact]
    public void ReadmeHuddleExample_BuildsAndWritesTheBrief()
    {
        var responses = HuddleTestData.Responses();
        var followUps = HuddleTestData.FollowUps();

        HuddlePeriod.TryParseIsoWeek("2026-W11", out var week);
        var builder = new HuddleBriefBuilder(new HuddleBriefOptions { Team = "care", Period = week }, TimeProvider.System);
        HuddleBrief brief = builder.Build(responses, followUps); // followUps: the queue (FollowUpCase), or null when unknown

        string markdown = HuddleBriefRenderer.ToMarkdown(brief);
        string html = HuddleBriefRenderer.ToHtml(brief);         // one self-contained page
        string json = NpsJson.Serialize(HuddleBriefDocument.From(brief));

        Assert.StartsWith("# Huddle brief: care, 2026-W11", markdown, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("\"period\": \"2026-W11\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeAmbitionExample_ParsesEvaluatesAndTests()
    {
        Assert.Equal(0, Run(out var output));
        Assert.Equal("Hypotheek: 100.0 now, P(>= 30) = 0.478, on track: True", output.Trim()); // posterior Dirichlet(1, 1, 2): ∫∫ 6p over p − d ≥ 0.3 = 0.478
    }

    private static int Run(out string output)
    {
        const string file = """{ "ambitions": [ { "dimension": "product", "value": "Hypotheek", "target": 30, "by": "2026-12-31", "baseline": { "from": "2025-01-01", "to": "2025-06-30" } } ] }""";
        SurveyResponse[] responses =
        [
            new() { ResponseId = "B1", Rating = NpsRating.From(7), RespondedAt = HuddleTestData.At("2025-03-01T10:00:00Z"), Product = "Hypotheek" },
            new() { ResponseId = "C1", Rating = NpsRating.From(10), RespondedAt = HuddleTestData.At("2025-12-01T10:00:00Z"), Product = "Hypotheek" },
        ];
        var console = new StringWriter();

        if (!AmbitionFile.TryParse(file, out var ambitions, out var errors))
        {
            foreach (var error in errors) console.WriteLine(error); // "ambitions[0].by: must be a date (yyyy-MM-dd), got '2026-13-01'"
            output = console.ToString();
            return 2;
        }

        var progress = AmbitionTracker.Evaluate(responses, ambitions, new AmbitionTrackerOptions { AsOf = new DateOnly(2025, 12, 31), WindowDays = 90 });
        foreach (var p in progress)
        {
            console.WriteLine($"{p.Ambition.Value}: {p.Current.Score:0.0} now, P(>= {p.Ambition.Target}) = {p.ProbabilityAtLeastTarget:0.000}, on track: {p.OnTrack}");
        }

        var test = NpsOneSampleTest.Of(progress[0].Current, progress[0].Ambition.Target); // is the target already beaten?
        string json = NpsJson.Serialize(AmbitionsDocument.From(progress));
        Assert.Equal(0, test.StandardError);
        Assert.Contains("\"probabilityAtLeastTarget\"", json, StringComparison.Ordinal);
        output = console.ToString();
        return 0;
    }
}
