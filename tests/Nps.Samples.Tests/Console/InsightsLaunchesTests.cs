using System.Text.Json;

namespace Nps.Samples.Tests.Console;

/// <summary><c>nps insights --launches FILE</c>: start dates per team or agent for the post-launch-drop signal.</summary>
public sealed class InsightsLaunchesTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Insights_LaunchesFile_DropMeasuredFromTheStartDate()
    {
        var launches = files.Write("launches.csv", "value,launched\nOnboarding,2025-02-03\n");

        var run = CliRun.Of("insights", SampleData.Responses, "--by", "team", "--launches", launches, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var drop = Assert.Single(JsonDocument.Parse(run.Out).RootElement.GetProperty("signals").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "post-launch-drop");
        Assert.Equal("Onboarding", drop.GetProperty("value").GetString());
        Assert.Contains("started 2025-02-03", drop.GetProperty("evidence").GetProperty("summary").GetString(), StringComparison.Ordinal);
        // The honeymoon is February to April; the evidence's periods are the drop's, from when it began.
        Assert.Equal("2025-05", drop.GetProperty("evidence").GetProperty("since").GetString());
        Assert.Equal("2025-05", drop.GetProperty("evidence").GetProperty("periods")[0].GetString());
    }

    [Fact]
    public void Insights_BadLaunchesFile_ExitsTwoNamingLineAndColumn()
    {
        var launches = files.Write("launches.csv", "value,launched\nOnboarding,3 February 2025\n");

        var run = CliRun.Of("insights", SampleData.Responses, "--by", "team", "--launches", launches);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: launches.csv: line 2, column launched: '3 February 2025' is not an ISO date (yyyy-MM-dd).\n", run.Error);
    }

    [Fact]
    public void Insights_MissingLaunchesFile_ExitsOne()
    {
        Assert.Equal(1, CliRun.Of("insights", SampleData.Responses, "--launches", files.PathOf("absent.csv")).ExitCode);
    }
}
