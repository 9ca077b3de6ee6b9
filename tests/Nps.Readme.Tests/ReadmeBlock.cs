namespace Nps.Readme.Tests;

/// <summary>One fenced C# block of a README file.</summary>
/// <param name="File">The file, relative to the repository root (forward slashes).</param>
/// <param name="Line">The 1-based line of the block's first code line.</param>
/// <param name="Code">The block's code, as written.</param>
/// <param name="Continues">The block this one continues (its code comes first), or null.</param>
/// <param name="ExpectedOutput">The text block the README shows as this block's output, or null.</param>
/// <param name="OutputLine">The 1-based line of the expected output's first line, or 0.</param>
/// <param name="Packages">The packages the text names for this block (its <c>**Packages:**</c> line); empty when none.</param>
public sealed record ReadmeBlock(
    string File, int Line, string Code, ReadmeBlock? Continues, string? ExpectedOutput, int OutputLine, IReadOnlyList<string> Packages)
{
    /// <summary>The id a test shows: <c>README.md:38</c>.</summary>
    public string Id => $"{File}:{Line}";

    /// <summary>This block and every block it continues, first block first.</summary>
    public IReadOnlyList<ReadmeBlock> Chain
    {
        get
        {
            var chain = new List<ReadmeBlock>();
            for (var block = this; block is not null; block = block.Continues) chain.Insert(0, block);
            return chain;
        }
    }

    /// <summary>The packages of this block and every block it continues, in order of first mention.</summary>
    public IReadOnlyList<string> ChainPackages => [.. Chain.SelectMany(b => b.Packages).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public override string ToString() => Id;
}
