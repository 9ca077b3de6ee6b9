namespace Nps.Readme.Tests;

/// <summary>The repository's README files and their C# blocks.</summary>
public static class Readme
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReadmeBlock>> Blocks = new(Load);

    /// <summary>The repository root: the folder above the test's output that holds Nps.Core.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every C# block by id (<c>README.md:38</c>), README.md first, then docs/*.md by name.</summary>
    public static IReadOnlyDictionary<string, ReadmeBlock> AllBlocks => Blocks.Value;

    private static Dictionary<string, ReadmeBlock> Load()
    {
        var files = new List<string> { Path.Combine(Root, "README.md") };
        files.AddRange(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal));
        var blocks = new Dictionary<string, ReadmeBlock>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetRelativePath(Root, path).Replace('\\', '/');
            foreach (var block in ReadmeFile.Parse(name, File.ReadAllText(path))) blocks.Add(block.Id, block);
        }

        return blocks;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nps.Core.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Nps.Core.sln not found above " + AppContext.BaseDirectory);
    }
}
