namespace Nps.Samples.Tests.Console;

/// <summary>Keeps the command outputs shown in the guides (docs/*.md) true.</summary>
internal static class ReadmeBlocks
{
    /// <summary>Asserts that the guide docs/<paramref name="page"/>.md shows <paramref name="output"/> as a fenced block.</summary>
    public static void AssertShown(string page, string language, string output)
    {
        var block = $"```{language}\n{output}```\n";
        var path = Path.Combine(SampleData.Root, "docs", page + ".md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(text.Contains(block, StringComparison.Ordinal), $"docs/{page}.md does not show the current output:\n{block}");
    }
}
