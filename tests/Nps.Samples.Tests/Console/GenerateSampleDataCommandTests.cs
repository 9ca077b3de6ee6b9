namespace Nps.Samples.Tests.Console;

public sealed class GenerateSampleDataCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void GenerateSampleData_Seed42_ReproducesBundledFiles()
    {
        var directory = files.PathOf("data");

        var run = CliRun.Of("generate-sample-data", "--out", directory, "--seed", "42");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "responses.csv", "contacts.csv", "responses-sample.jsonl" })
        {
            var bundled = Path.Combine(SampleData.Root, "samples", "data", name);
            Assert.True(File.ReadAllBytes(bundled).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(directory, name))), name);
        }
    }

    [Fact]
    public void SampleData_TotalSize_StaysSmall()
    {
        var total = new[] { SampleData.Responses, SampleData.Contacts, SampleData.ResponsesJsonLines }.Sum(p => new FileInfo(p).Length);

        Assert.True(total < 2_000_000, $"{total} bytes");
    }
}
