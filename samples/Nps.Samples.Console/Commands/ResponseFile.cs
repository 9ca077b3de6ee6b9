using Nps.Samples.Console.Input;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// Reads a whole responses file for the commands that need more than one look at it (huddle, ambition): the one
/// place they call the tool's reading entry point.
/// </summary>
internal static class ResponseFile
{
    /// <summary>Reads every valid response; on bad input writes the error and returns the exit code to return.</summary>
    public static bool TryReadAll(CliContext context, string path, bool skipInvalid, out List<SurveyResponse> responses, out int exitCode)
    {
        responses = [];
        exitCode = ExitCodes.Success;
        if (!RecordReaders.TryOpen(path, out var records, out var openError))
        {
            exitCode = context.InvalidInput(openError.Message);
            return false;
        }

        using (records)
        {
            var stream = new ResponseStream(records!, context.Error, skipInvalid);
            responses.AddRange(stream.Read());
            if ((stream.Failure ?? stream.EmptyFile) is { } problem)
            {
                exitCode = context.InvalidInput(problem.Message);
                return false;
            }
        }

        return true;
    }
}
