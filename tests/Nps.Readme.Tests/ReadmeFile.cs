using System.Text.RegularExpressions;

namespace Nps.Readme.Tests;

/// <summary>
/// Finds the C# blocks of a Markdown file. Two invisible markers, each an HTML comment on the line before a
/// fence (blank lines between allowed), tie blocks together:
/// <c>&lt;!-- continues the previous block --&gt;</c> before a <c>```csharp</c> fence: the block continues the
/// previous C# block of the same file (it is compiled and run after it);
/// <c>&lt;!-- output of the previous block --&gt;</c> before a <c>```text</c> fence: the text is what the previous
/// C# block prints (compared line by line, trailing spaces ignored).
/// A visible line <c>**Packages:** `Nps.Core`, `Nps.Data`</c> names the packages of the C# blocks that follow it, up
/// to the next such line: those blocks are compiled against those packages only (and the shared framework).
/// </summary>
public static class ReadmeFile
{
    /// <summary>The marker that makes a C# block continue the previous one.</summary>
    public const string ContinuesMarker = "<!-- continues the previous block -->";

    /// <summary>The marker that makes a text block the output of the previous C# block.</summary>
    public const string OutputMarker = "<!-- output of the previous block -->";

    /// <summary>The start of a line that names the packages of the blocks after it.</summary>
    public const string PackagesPrefix = "**Packages:**";

    private static readonly Regex PackageName = new(@"`([A-Za-z][A-Za-z0-9_.]*)`", RegexOptions.CultureInvariant);

    /// <summary>The C# blocks of <paramref name="text"/>, in order.</summary>
    /// <param name="file">The file's name for messages.</param>
    /// <param name="text">The Markdown text.</param>
    /// <returns>The blocks.</returns>
    public static IReadOnlyList<ReadmeBlock> Parse(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<ReadmeBlock>();
        ReadmeBlock? previous = null;
        string? marker = null;
        IReadOnlyList<string> packages = [];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("<!--", StringComparison.Ordinal))
            {
                marker = line;
                continue;
            }

            if (line.StartsWith(PackagesPrefix, StringComparison.Ordinal))
            {
                packages = [.. PackageName.Matches(line[PackagesPrefix.Length..]).Select(m => m.Groups[1].Value)];
                if (packages.Count == 0) throw new FormatException($"{file}:{i + 1}: '{PackagesPrefix}' names no package (`Package.Id`).");
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Length > 0) marker = null;
                continue;
            }

            var language = line[3..].Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal)) end++;
            if (end == lines.Length) throw new FormatException($"{file}:{i + 1}: the code fence is never closed.");
            var body = string.Join('\n', lines[start..end]);
            if (language is "csharp" or "cs" or "c#")
            {
                var continues = marker == ContinuesMarker
                    ? previous ?? throw new FormatException($"{file}:{i + 1}: '{ContinuesMarker}' but no earlier C# block.")
                    : null;
                previous = new ReadmeBlock(file, start + 1, body, continues, null, 0, packages);
                blocks.Add(previous);
            }
            else if (marker == OutputMarker)
            {
                if (previous is null || blocks[^1].ExpectedOutput is not null)
                    throw new FormatException($"{file}:{i + 1}: '{OutputMarker}' but the previous C# block has one already or there is none.");
                // Nothing continues this block yet: continuations come later in the file than its output.
                blocks[^1] = previous = previous with { ExpectedOutput = body, OutputLine = start + 1 };
            }

            marker = null;
            i = end;
        }

        return blocks;
    }
}
