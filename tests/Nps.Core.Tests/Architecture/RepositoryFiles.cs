using System.Runtime.CompilerServices;

namespace Nps.Tests.Architecture;

/// <summary>The repository's source files, found from this file's own path (the tests run from the build output).</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every <c>.cs</c> file below <paramref name="folder"/> (relative to the root), build output left out, with <c>/</c> separators.</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        for (var folder = Path.GetDirectoryName(thisFile); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Nps.Core.sln"))) return folder;
        }

        throw new InvalidOperationException($"No Nps.Core.sln above {thisFile}.");
    }
}
