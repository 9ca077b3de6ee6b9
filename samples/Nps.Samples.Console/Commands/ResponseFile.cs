using Nps.Data;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// Reads a whole responses file for the commands that need more than one look at it (huddle, ambition), through
/// <see cref="SurveyResponseReader"/> like every other command.
/// </summary>
internal static class ResponseFile
{
    /// <summary>Reads every valid response; on bad input writes the error and returns the exit code to return.</summary>
    public static bool TryReadAll(CliContext context, string path, bool skipInvalid, out List<SurveyResponse> responses, out int exitCode)
    {
        responses = [];
        exitCode = ExitCodes.Success;
        if (!SurveyResponseReader.TryOpen(path, new DataReaderOptions { SkipInvalid = skipInvalid }, out var reader, out var openError))
        {
            exitCode = context.InvalidInput(openError.Message);
            return false;
        }

        using (reader)
        {
            responses.AddRange(reader!.ReadAll(problem => context.Error.WriteLine($"skipped: {problem.Message}")));
            if ((reader.Failure ?? reader.EmptyFile) is { } problem)
            {
                exitCode = context.InvalidInput(problem.Message);
                return false;
            }
        }

        return true;
    }
}
