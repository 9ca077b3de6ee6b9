using System.Text.Json;

namespace Nps.Samples.Tests.Console;

public sealed class AmbitionCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    private static string Ambitions => Path.Combine(SampleData.Root, "samples", "data", "ambitions.json");

    public void Dispose() => files.Dispose();

    [Fact]
    public void Ambition_BundledData_PrintsTheTableShownInTheReadme()
    {
        var run = CliRun.Of("ambition", SampleData.Responses, "--ambitions", Ambitions, "--as-of", "2025-12-31");

        Assert.Equal(0, run.ExitCode);
        ReadmeBlocks.AssertShown("ambitions", "text", run.Out);
    }

    [Fact]
    public void Ambition_BundledDataAsJson_HasTheContractsFields()
    {
        var run = CliRun.Of("ambition", SampleData.Responses, "--ambitions", Ambitions, "--as-of", "2025-12-31", "--window-days", "30", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var ambitions = JsonDocument.Parse(run.Out).RootElement.GetProperty("ambitions");
        Assert.Equal(4, ambitions.GetArrayLength());
        var internet = ambitions[0];
        Assert.Equal(("product", "internet", 30.0, "2026-12-31"), (internet.GetProperty("dimension").GetString(), internet.GetProperty("value").GetString(), internet.GetProperty("target").GetDouble(), internet.GetProperty("by").GetString()));
        Assert.Equal("2025-12-02", internet.GetProperty("current").GetProperty("from").GetString());
        Assert.Equal("2025-12-31", internet.GetProperty("current").GetProperty("to").GetString());
        Assert.Equal(1078, internet.GetProperty("baseline").GetProperty("count").GetInt64());
        Assert.All(ambitions.EnumerateArray(), a => Assert.InRange(a.GetProperty("probabilityAtLeastTarget").GetDouble(), 0, 1));
    }

    [Fact]
    public void Ambition_BadAmbitionsFile_ExitsTwoNamingThePath()
    {
        var bad = files.Write("ambitions.json", """{ "ambitions": [ { "dimension": "product", "value": "tv", "target": 30, "by": "2026-13-01", "baseline": { "from": "2025-01-01", "to": "2025-12-31" } } ] }""");

        var run = CliRun.Of("ambition", SampleData.Responses, "--ambitions", bad);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: ambitions.json: ambitions[0].by: must be a date (yyyy-MM-dd), got '2026-13-01'\n", run.Error);
    }

    [Fact]
    public void Ambition_BadOptions_ExitOne()
    {
        var asOf = CliRun.Of("ambition", SampleData.Responses, "--ambitions", Ambitions, "--as-of", "31-12-2025");
        Assert.Equal(1, asOf.ExitCode);
        Assert.Equal("error: --as-of: must be a date (yyyy-MM-dd), got '31-12-2025'\n", asOf.Error);

        var window = CliRun.Of("ambition", SampleData.Responses, "--ambitions", Ambitions, "--window-days", "0");
        Assert.Equal(1, window.ExitCode);
        Assert.Contains("--window-days must be at least 1, got 0", window.Error, StringComparison.Ordinal);

        Assert.Equal(1, CliRun.Of("ambition", SampleData.Responses).ExitCode);                                       // --ambitions is required
        Assert.Equal(1, CliRun.Of("ambition", SampleData.Responses, "--ambitions", files.PathOf("missing.json")).ExitCode);
    }
}
