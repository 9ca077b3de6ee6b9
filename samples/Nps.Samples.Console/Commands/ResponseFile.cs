using Nps.Data;
using Nps.Samples.Console.Output;

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
        if (!TryOpen(context, path, new DataReaderOptions { SkipInvalid = skipInvalid }, out var reader, out var openError))
        {
            exitCode = context.InvalidInput(openError.Message);
            return false;
        }

        using (reader)
        {
            responses.AddRange(Valid(context, reader!));
            if ((reader!.Failure ?? reader.EmptyFile) is { } problem)
            {
                exitCode = context.InvalidInput(problem.Message);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The valid responses of a reader, each skipped one written to stderr; a strict read stops at its first error,
    /// which the caller finds in <see cref="DataReader{T}.Failure"/> (and reports with the exit code).
    /// </summary>
    public static IEnumerable<SurveyResponse> Valid(CliContext context, SurveyResponseReader reader)
    {
        while (reader.Read(out var response, out var error))
        {
            if (response is not null) yield return response;
            else if (reader.Options.SkipInvalid) context.Error.WriteLine($"skipped: {error!.Value.Message}");
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> with <see cref="SurveyResponseReader"/>; on a terminal
    /// (<see cref="CliContext.ShowProgress"/>) through a stream that shows the percentage read and the time left.
    /// </summary>
    public static bool TryOpen(CliContext context, string path, DataReaderOptions options, out SurveyResponseReader? reader, out DataError error)
    {
        options = options with { ColumnNames = context.ColumnNames };
        if (context.OpensAsStream(path))
        {
            return SurveyResponseReader.TryOpen(context.OpenStream(path), context.FormatOf(path), options, out reader, out error);
        }

        if (!context.ShowProgress)
        {
            return SurveyResponseReader.TryOpen(path, options, out reader, out error);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (!file.CanSeek || file.Length == 0) // a pipe has no length to show progress against
        {
            file.Dispose();
            return SurveyResponseReader.TryOpen(path, options, out reader, out error);
        }

        var stream = new ProgressStream(file, new ReadProgress(context.Error, Path.GetFileName(path), file.Length, TimeProvider.System));
        if (SurveyResponseReader.TryOpen(stream, context.FormatOf(path), options, out reader, out error)) return true;
        stream.Dispose();
        return false;
    }
}
