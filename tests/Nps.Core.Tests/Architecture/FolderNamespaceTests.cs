using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Nps.Tests.Architecture;

public sealed partial class FolderNamespaceTests
{
    /// <summary>
    /// Source linked into several projects (<c>src/Shared</c>) has no project of its own, so its folders hang under the
    /// family's root namespace: <c>src/Shared/Reporting</c> is <c>Nps.Reporting</c> in every assembly that links it.
    /// </summary>
    private const string SharedRootNamespace = "Nps";

    [Fact]
    public void Sources_NamespaceFollowsFolder()
    {
        var wrong = new List<string>();
        foreach (var file in RepositoryFiles.CSharpFiles("src"))
        {
            var expected = ExpectedNamespace(file);
            foreach (Match m in NamespaceDeclaration().Matches(File.ReadAllText(Path.Combine(RepositoryFiles.Root, file))))
            {
                if (m.Groups[1].Value != expected) wrong.Add($"{file}: namespace {m.Groups[1].Value}, folder says {expected}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} source files declare a namespace that is not their folder's:\n{string.Join("\n", wrong)}");
    }

    [Theory]
    [InlineData("src/Nps.Core/Sampling/SurveyProgram.cs", "Nps.Sampling")]
    [InlineData("src/Nps.Core/StoredTime.cs", "Nps")]
    [InlineData("src/Nps.Sqlite/Reporting/SqliteResponseCounter.cs", "Nps.Sqlite.Reporting")]
    [InlineData("src/Shared/Reporting/UtcDayPlan.cs", "Nps.Reporting")]
    public void ExpectedNamespace_ProjectRootPlusFolders(string file, string expected) =>
        Assert.Equal(expected, ExpectedNamespace(file));

    /// <summary>The project's root namespace (its <c>RootNamespace</c>, else its name) plus the folders below the project.</summary>
    private static string ExpectedNamespace(string file)
    {
        var parts = file.Split('/');
        var project = parts[1];
        var root = project == "Shared" ? SharedRootNamespace : RootNamespaceOf(project);
        return string.Join('.', parts[2..^1].Prepend(root));
    }

    private static string RootNamespaceOf(string project)
    {
        var csproj = Path.Combine(RepositoryFiles.Root, "src", project, project + ".csproj");
        return XDocument.Load(csproj).Descendants("RootNamespace").FirstOrDefault()?.Value ?? project;
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
