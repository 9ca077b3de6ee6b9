namespace Nps.Readme.Tests;

/// <summary>
/// Every C# block in README.md and docs/*.md compiles as written (with the blocks it says it continues) against
/// only the packages its text names, and a block whose output the text shows prints exactly that when run from the
/// repository root.
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

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_AsWritten_NamesItsPackages(string id)
    {
        var block = Readme.AllBlocks[id];
        Assert.True(block.ChainPackages.Count > 0, $"{id}: no '{ReadmeFile.PackagesPrefix}' line names the packages this block needs.");
    }

    [Fact]
    public void Readme_Blocks_AreFound()
    {
        // Guards the parser: there are C# blocks in the root file and in the guides, and they name packages.
        Assert.Contains(Readme.AllBlocks.Keys, id => id.StartsWith("README.md:", StringComparison.Ordinal));
        Assert.Contains(Readme.AllBlocks.Keys, id => id.StartsWith("docs/", StringComparison.Ordinal));
        Assert.DoesNotContain(Readme.AllBlocks.Keys, id => id.StartsWith("docs/readme/", StringComparison.Ordinal));
        Assert.Contains(Readme.AllBlocks.Values, b => b.Packages.Contains("Nps.Data"));
        Assert.NotEmpty(BlocksWithOutput());
    }

    [Fact]
    public void Compile_ContainerPackageNotNamed_FailsOnBuildServiceProvider()
    {
        // A console project with AddNps but without Microsoft.Extensions.DependencyInjection has ServiceCollection
        // (the abstractions hold it) but no container: BuildServiceProvider is the package's.
        var block = Single("**Packages:** `Nps.Extensions.DependencyInjection`");

        Assert.Null(ReadmeCompiler.Compile([block], out var errors));
        Assert.Contains(errors, e => e.Contains("BuildServiceProvider", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_ContainerPackageNamed_Compiles()
    {
        var block = Single("**Packages:** `Nps.Extensions.DependencyInjection`, `Microsoft.Extensions.DependencyInjection`");

        Assert.True(ReadmeCompiler.Compile([block], out var errors) is not null, string.Join('\n', errors));
    }

    [Fact]
    public void Compile_NoPackageNamed_SeesNoNpsAssembly()
    {
        var block = ReadmeFile.Parse("test.md", "```csharp\nConsole.WriteLine(Nps.NpsDistribution.FromCounts(new long[11]));\n```\n").Single();

        Assert.Null(ReadmeCompiler.Compile([block], out var errors));
        Assert.Contains(errors, e => e.Contains("'Nps'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PackagesLine_AppliesUntilTheNext()
    {
        var blocks = ReadmeFile.Parse(
            "test.md",
            "**Packages:** `Nps.Core`\n\n```csharp\nvar a = 1;\n```\n\n```csharp\nvar b = 2;\n```\n\n**Packages:** `Nps.Data`\n\n```csharp\nvar c = 3;\n```\n");

        Assert.Equal(["Nps.Core"], blocks[0].Packages);
        Assert.Equal(["Nps.Core"], blocks[1].Packages);
        Assert.Equal(["Nps.Data"], blocks[2].Packages);
    }

    private static ReadmeBlock Single(string packagesLine) => ReadmeFile.Parse(
        "test.md",
        packagesLine + """


            ```csharp
            using Microsoft.Extensions.DependencyInjection;
            using Nps;
            using Nps.Sampling;

            var services = new ServiceCollection();
            services.AddNps(options => options with { SamplingKey = Convert.ToBase64String(new byte[32]) });
            using var provider = services.BuildServiceProvider();
            Console.WriteLine(provider.GetService(typeof(SurveyProgram)) is not null);
            ```

            """).Single();

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
