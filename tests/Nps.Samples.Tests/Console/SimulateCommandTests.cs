using System.Text.Json;

namespace Nps.Samples.Tests.Console;

public sealed class SimulateCommandTests : IDisposable
{
    private static readonly string Program = Path.Combine(SampleData.Root, "samples", "data", "program.json");
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Simulate_SampleContactLog_OneDecisionPerEventInInputOrder()
    {
        var run = CliRun.Of("simulate", SampleData.Contacts, "--program", Program, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var decisions = root.GetProperty("decisions").EnumerateArray().ToList();
        var eventIds = File.ReadLines(SampleData.Contacts).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(eventIds, decisions.Select(d => d.GetProperty("eventId").GetString()!).ToList());
        foreach (var name in new[] { "eventId", "customerId", "outcome", "rule", "reason", "sendAt", "inclusionProbability" })
        {
            Assert.True(decisions[0].TryGetProperty(name, out _), name);
        }

        Assert.All(decisions, d => Assert.Contains(d.GetProperty("outcome").GetString(), new[] { "invite", "suppress", "defer" }));
        var summary = root.GetProperty("summary");
        var invitations = summary.GetProperty("invitations").GetInt64();
        Assert.Equal(decisions.Count(d => d.GetProperty("outcome").GetString() is "invite" or "defer"), invitations);
        var suppressions = summary.GetProperty("suppressions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(decisions.Count - invitations, suppressions.Values.Sum());
        Assert.True(suppressions["follow-up-contact"] > 0);
        Assert.True(suppressions["cooldown-after-invitation"] > 0);
        Assert.Equal(invitations * 0.25, summary.GetProperty("expectedResponses").GetDouble(), 1);
        Assert.True(summary.GetProperty("intervalWidth").GetDouble() > 0);
        Assert.NotEmpty(summary.GetProperty("coverage").EnumerateArray());
    }

    [Fact]
    public void Simulate_SameInputTwice_SameDecisions()
    {
        var first = CliRun.Of("simulate", SampleData.Contacts, "--program", Program, "--format", "json");
        var second = CliRun.Of("simulate", SampleData.Contacts, "--program", Program, "--format", "json");

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Simulate_Table_SummarisesVolume()
    {
        var run = CliRun.Of("simulate", SampleData.Contacts, "--program", Program, "--response-rate", "0.3");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("suppressed by", run.Out);
        Assert.Contains("At a 30% response rate", run.Out);
    }

    [Fact]
    public void Simulate_InvalidEvent_ExitsTwoNamingLineAndColumn()
    {
        var events = files.Write("events.csv", "customer_id,event_id,occurred_at,survey_kind\nC1,E1,2026-03-14T10:00:00+01:00,transactional\nC2,E2,2026-03-14T10:00:00,transactional\n");

        var run = CliRun.Of("simulate", events, "--program", Program);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 3, column occurred_at: '2026-03-14T10:00:00' has no UTC offset; write it as e.g. 2026-03-14T10:00:00+01:00 or 2026-03-14T10:00:00Z\n", run.Error);
    }

    [Fact]
    public void Simulate_UnknownProgramField_ExitsTwoNamingPath()
    {
        var program = files.Write("program.json", File.ReadAllText(Program).Replace("\"cooldowns\"", "\"cooldownz\"", StringComparison.Ordinal));

        var run = CliRun.Of("simulate", SampleData.Contacts, "--program", program);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cooldownz", run.Error);
        Assert.Contains("$.fatigue", run.Error);
    }

    [Fact]
    public void Simulate_InvalidProgram_ExitsTwoListingErrors()
    {
        var program = files.Write("program.json", "{ \"samplingKey\": \"\" }");

        var run = CliRun.Of("simulate", SampleData.Contacts, "--program", program);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SamplingKey: is required", run.Error);
    }

    [Fact]
    public void Simulate_MissingProgramOption_ExitsOne()
    {
        var run = CliRun.Of("simulate", SampleData.Contacts);

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Simulate_Help_ExitsZero()
    {
        Assert.Equal(0, CliRun.Of("simulate", "--help").ExitCode);
    }
}
