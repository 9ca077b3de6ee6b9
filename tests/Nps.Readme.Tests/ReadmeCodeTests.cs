namespace Nps.Readme.Tests;

/// <summary>
/// Every C# block in README.md and docs/readme/*.md compiles as written (with the blocks it says it continues),
/// and a block whose output the README shows prints exactly that when run from the repository root.
/// </summary>
// Running a block redirects Console and the working directory, which are process-wide: every test of this
// assembly is in this one class, whose tests xunit runs one at a time.
public sealed class ReadmeCodeTests
{
    /// <summary>The ids of every C# block, one test case each.</summary>
    public static TheoryData<string> Blocks() => [.. Readme.AllBlocks.Keys];

    /// <summary>The ids of the blocks whose output the README shows.</summary>
    public static TheoryData<string> BlocksWithOutput() => [.. Readme.AllBlocks.Where(b => b.Value.ExpectedOutput is not null).Select(b => b.Key)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_AsWritten_Compiles(string id)
    {
        var block = Readme.AllBlocks[id];
        var image = ReadmeCompiler.Compile(block.Chain, out var errors);
        Assert.True(image is not null, $"{id} does not compile:\n{string.Join('\n', errors)}");
    }

    [Theory]
    [MemberData(nameof(BlocksWithOutput))]
    public void Block_WithShownOutput_PrintsIt(string id)
    {
        var block = Readme.AllBlocks[id];

        var printed = RunChain(block.Chain);
        var before = block.Continues is null ? string.Empty : RunChain(block.Continues.Chain);
        Assert.StartsWith(before, printed, StringComparison.Ordinal);
        Assert.Equal(Normalise(block.ExpectedOutput!), Normalise(printed[before.Length..]));
    }

    [Fact]
    public void Readme_Blocks_AreFound()
    {
        // Guards the parser: the README has C# blocks in the root file and in docs/readme.
        Assert.Contains(Readme.AllBlocks.Keys, id => id.StartsWith("README.md:", StringComparison.Ordinal));
        Assert.Contains(Readme.AllBlocks.Keys, id => id.StartsWith("docs/readme/", StringComparison.Ordinal));
        Assert.NotEmpty(BlocksWithOutput());
    }

    private static string RunChain(IReadOnlyList<ReadmeBlock> chain)
    {
        var image = ReadmeCompiler.Compile(chain, out var errors)
            ?? throw new InvalidOperationException($"{chain[^1].Id} does not compile:\n{string.Join('\n', errors)}");
        var (output, error) = ReadmeCompiler.Run(image, Readme.Root);
        Assert.True(error.Length == 0, $"{chain[^1].Id} wrote to standard error:\n{error}");
        return output;
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
