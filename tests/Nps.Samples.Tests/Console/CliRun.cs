using System.Text;
using Nps.Samples.Console;

namespace Nps.Samples.Tests.Console;

/// <summary>Runs the real <c>nps</c> tool in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = NpsCli.Run(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the tool with <paramref name="input"/> as its standard input (what <c>-</c> reads).</summary>
    public static CliRun WithInput(string input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = NpsCli.Run(args, output, error, stdin: () => new MemoryStream(Encoding.UTF8.GetBytes(input)));
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

/// <summary>Temporary input files, deleted with the fixture.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("nps-tests-").FullName;

    public string Write(string name, string content, bool byteOrderMark = false)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(byteOrderMark));
        return path;
    }

    public string PathOf(string name) => Path.Combine(directory, name);

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

/// <summary>Finds the bundled sample data from the test's output directory.</summary>
internal static class SampleData
{
    public static string Root { get; } = FindRoot();

    public static string Responses => Path.Combine(Root, "samples", "data", "responses.csv");

    public static string ResponsesJsonLines => Path.Combine(Root, "samples", "data", "responses-sample.jsonl");

    public static string Contacts => Path.Combine(Root, "samples", "data", "contacts.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nps.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Nps.Core.sln not found above " + AppContext.BaseDirectory);
    }
}
