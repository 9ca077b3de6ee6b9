using Nps.Sampling;
using Nps.Serialization;

namespace Nps.Samples.Console.Simulation;

/// <summary>Reads a survey program file (the <see cref="NpsOptions"/> JSON format) through the library's strict reader.</summary>
internal static class ProgramFile
{
    /// <summary>Loads <paramref name="path"/>; on failure <paramref name="error"/> names the file, the JSON or option path and the reason.</summary>
    public static bool TryLoad(string path, out SurveyProgramOptions? options, out string error)
    {
        options = null;
        var name = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        if (!NpsProgramJson.TryRead(stream, out var program, out var errors))
        {
            error = $"{name}: {string.Join(Environment.NewLine + "  ", errors)}";
            return false;
        }

        options = program.ToSurveyProgramOptions();
        error = "";
        return true;
    }
}
