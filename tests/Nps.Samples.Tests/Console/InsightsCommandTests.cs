using System.Text.Json;

namespace Nps.Samples.Tests.Console;

public sealed class InsightsCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Insights_AgentsOnSampleData_FindsInflationAndHoneymoonDrop()
    {
        var run = CliRun.Of("insights", SampleData.Responses, "--by", "agent", "--period", "month", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var signals = JsonDocument.Parse(run.Out).RootElement.GetProperty("signals").EnumerateArray().ToList();
        var inflation = Assert.Single(signals, s => s.GetProperty("kind").GetString() == "inflation");
        Assert.Equal("agent", inflation.GetProperty("dimension").GetString());
        Assert.Equal("S03", inflation.GetProperty("value").GetString());
        var evidence = inflation.GetProperty("evidence");
        foreach (var name in new[] { "count", "score", "interval", "pValue", "periods", "reference", "referenceScore", "referenceCount", "summary" })
        {
            Assert.True(evidence.TryGetProperty(name, out _), name);
        }

        Assert.True(evidence.GetProperty("interval").GetProperty("lower").GetDouble() < evidence.GetProperty("score").GetDouble());
        Assert.All(
            signals.Where(s => s.GetProperty("kind").GetString() == "post-launch-drop"),
            s => Assert.StartsWith("O", s.GetProperty("value").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(signals, s => s.GetProperty("value").GetString() is "B01" or "T01");
    }

    [Fact]
    public void Insights_TeamsOnSampleData_FindsOnboardingDrop()
    {
        var run = CliRun.Of("insights", SampleData.Responses, "--by", "team", "--period", "month", "--format", "json");

        var signals = JsonDocument.Parse(run.Out).RootElement.GetProperty("signals").EnumerateArray();
        Assert.Contains(signals, s => s.GetProperty("kind").GetString() == "post-launch-drop" && s.GetProperty("value").GetString() == "Onboarding");
    }

    [Fact]
    public void Insights_Table_ListsSignalsWithEvidence()
    {
        var run = CliRun.Of("insights", SampleData.Responses, "--by", "agent");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("inflation         S03", run.Out);
    }

    [Fact]
    public void Insights_InvalidRow_ExitsTwo()
    {
        var path = files.Write("bad.csv", "rating,responded_at,agent\n9,2026-01-01T10:00:00Z,A\n-1,2026-01-01T10:00:00Z,A\n");

        var run = CliRun.Of("insights", path, "--by", "agent");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 3, column rating: rating must be an integer from 0 to 10, got '-1'\n", run.Error);
    }

    [Fact]
    public void Insights_NoSignal_EmptyArray()
    {
        var path = files.Write("quiet.csv", "rating,responded_at,agent\n9,2026-01-01T10:00:00Z,A\n3,2026-01-02T10:00:00Z,B\n");

        var run = CliRun.Of("insights", path, "--by", "agent", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(JsonDocument.Parse(run.Out).RootElement.GetProperty("signals").EnumerateArray());
    }

    [Theory]
    [InlineData("--by", "channel")]
    [InlineData("--period", "fortnight")]
    public void Insights_BadOption_ExitsOne(string option, string value)
    {
        Assert.Equal(1, CliRun.Of("insights", SampleData.Responses, option, value).ExitCode);
    }

    [Fact]
    public void Insights_Help_ExitsZero()
    {
        Assert.Equal(0, CliRun.Of("insights", "--help").ExitCode);
    }
}
