using System.Text.Json;

namespace Nps.Samples.Tests.Console;

public sealed class PlanCommandTests
{
    [Fact]
    public void Plan_WorstCaseFivePoints_Needs1537()
    {
        var run = CliRun.Of("plan", "--margin", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1,537 responses for ±5 NPS points at 95% confidence (worst case: half promoters, half detractors).\n", run.Out);
    }

    [Fact]
    public void Plan_ExpectedShares_MatchesLibrary()
    {
        var run = CliRun.Of("plan", "--margin", "5", "--promoters", "40", "--detractors", "20", "--level", "0.9", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(NpsSampleSize.ForMarginOfError(5, 0.4, 0.2, 0.9), root.GetProperty("responses").GetInt64());
        Assert.Equal(0.4, root.GetProperty("promoters").GetDouble());
    }

    [Theory]
    [InlineData("--margin", "0")]
    [InlineData("--margin", "5", "--promoters", "0.4")]
    [InlineData("--margin", "5", "--promoters", "0.8", "--detractors", "0.5")]
    [InlineData("--margin", "5", "--level", "95")]
    [InlineData("--level", "0.9")]
    public void Plan_BadOptions_ExitsOne(params string[] args)
    {
        var run = CliRun.Of(["plan", .. args]);

        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }
}
