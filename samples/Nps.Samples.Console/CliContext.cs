namespace Nps.Samples.Console;

/// <summary>What every command needs from its host: the output writers and whether progress may be shown.</summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where errors, rejected rows and progress go.</param>
/// <param name="ShowProgress">Whether stderr is a terminal, so a progress line does not pollute a log.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool ShowProgress)
{
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
