using System.Text.Json;
using System.Text.Json.Serialization;
using Nps.Sampling;

namespace Nps.Samples.Console.Simulation;

/// <summary>Reads a survey program from JSON through the library's source-generated context, strictly.</summary>
internal static class ProgramFile
{
    private static readonly SamplingJsonContext Strict = new(new JsonSerializerOptions(SamplingJsonContext.Default.Options)
    {
        // A misspelt rule must not silently fall back to its default.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    });

    /// <summary>Loads <paramref name="path"/>; on failure <paramref name="error"/> names the file, the JSON path and the reason.</summary>
    public static bool TryLoad(string path, out SurveyProgramOptions? options, out string error)
    {
        options = null;
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            options = JsonSerializer.Deserialize(stream, Strict.SurveyProgramOptions);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { } jsonPath ? $" at {jsonPath}" : "";
            var line = exception.LineNumber is { } number ? $" (line {number + 1})" : "";
            error = $"{name}{where}{line}: {exception.Message}";
            return false;
        }

        if (options is null)
        {
            error = $"{name}: the program must be a JSON object";
            return false;
        }

        error = "";
        return true;
    }
}
