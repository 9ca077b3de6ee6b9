namespace Nps.Samples.Console;

/// <summary>The process exit codes of the <c>nps</c> tool.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong: unknown option, missing argument, bad option value, missing file.</summary>
    public const int UsageError = 1;

    /// <summary>The input file has invalid content (and <c>--skip-invalid</c> was not given, where it applies).</summary>
    public const int InvalidInput = 2;
}
