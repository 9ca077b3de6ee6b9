namespace Nps.Samples.Console;

/// <summary>What every command needs from its host: the output writers and whether progress may be shown.</summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where errors, rejected rows and progress go.</param>
/// <param name="ShowProgress">Whether stderr is a terminal, so a progress line does not pollute a log.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool ShowProgress)
{
    /// <summary>The path that means standard input: <c>nps report -</c>.</summary>
    public const string StandardInputPath = "-";

    /// <summary>Opens standard input (read once, in order; CSV unless the command says otherwise).</summary>
    public Func<Stream> OpenStandardInput { get; init; } = System.Console.OpenStandardInput;

    /// <summary>The user's column names by meaning (<c>--column rating=score</c>), for every reader of the command.</summary>
    public IReadOnlyDictionary<string, string> ColumnNames { get; set; } = new Dictionary<string, string>();

    /// <summary>The path a file argument names: <see cref="StandardInputPath"/> as given, any other path in full.</summary>
    public static string InputPath(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.ToString() == StandardInputPath ? StandardInputPath : file.FullName;
    }

    /// <summary>The name of an input for messages: its file name, or <c>standard input</c>.</summary>
    public static string InputName(string path) => path == StandardInputPath ? "standard input" : Path.GetFileName(path);

    /// <summary>Writes a usage error and returns <see cref="ExitCodes.UsageError"/>.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine($"error: {message}");
        return ExitCodes.UsageError;
    }

    /// <summary>Writes an input error and returns <see cref="ExitCodes.InvalidInput"/>.</summary>
    public int InvalidInput(string message)
    {
        Error.WriteLine($"error: {message}");
        return ExitCodes.InvalidInput;
    }
}
