using Nps.Data;

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

    /// <summary>
    /// The format every input of the command is read in (<c>--input-format csv|jsonl</c>), or <see langword="null"/>
    /// (<c>auto</c>): from the file's extension, CSV for standard input and for names without one (such as <c>/dev/fd/63</c>).
    /// </summary>
    public DataFormat? InputFormat { get; set; }

    /// <summary>The format an input is read in: <see cref="InputFormat"/> when given, else as described there.</summary>
    public DataFormat FormatOf(string path) => InputFormat ?? (path == StandardInputPath ? DataFormat.Csv : DataFormats.FromPath(path));

    /// <summary>
    /// Whether an input is opened as a stream in <see cref="FormatOf"/> (standard input, or a file whose extension
    /// says another format than <c>--input-format</c>) instead of by its path, which reads the format from the extension.
    /// </summary>
    public bool OpensAsStream(string path) => path == StandardInputPath || FormatOf(path) != DataFormats.FromPath(path);

    /// <summary>Opens an input for reading once, in order: standard input for <see cref="StandardInputPath"/>, else the file.</summary>
    public Stream OpenStream(string path) => path == StandardInputPath
        ? OpenStandardInput()
        : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

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
