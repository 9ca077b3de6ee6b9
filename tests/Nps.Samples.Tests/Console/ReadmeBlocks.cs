namespace Nps.Samples.Tests.Console;

/// <summary>Keeps the command outputs shown in README.md and its docs/readme source true.</summary>
internal static class ReadmeBlocks
{
    /// <summary>Asserts that README.md and docs/readme/<paramref name="page"/>.md both show <paramref name="output"/> as a fenced block.</summary>
    public static void AssertShown(string page, string language, string output)
    {
        var block = $"```{language}\n{output}```\n";
        foreach (var path in new[] { Path.Combine(SampleData.Root, "README.md"), Path.Combine(SampleData.Root, "docs", "readme", page + ".md") })
        {
            var text = File.ReadAllText(path).ReplaceLineEndings("\n");
            Assert.True(text.Contains(block, StringComparison.Ordinal), $"{Path.GetFileName(path)} does not show the current output:\n{block}");
        }
    }
}
