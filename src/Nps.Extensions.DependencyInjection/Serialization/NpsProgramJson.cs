using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Nps.Serialization;

/// <summary>
/// Reads and writes a survey program as JSON (the format of <c>samples/data/program.json</c>): the properties of
/// <see cref="NpsOptions"/> in camelCase, enums as strings, times as <c>"21:00"</c>, unknown fields rejected.
/// Reading also validates, so a file that reads is a program that starts.
/// </summary>
public static class NpsProgramJson
{
    /// <summary>Reads and validates a program.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The program, when valid.</param>
    /// <param name="errors">Every problem, each naming its place as <see cref="DataError.Field"/>: a JSON path
    /// (<c>$.fatigue.cooldowns[0]</c>, with the line) for syntax, type and unknown-field errors, an option path
    /// (<c>Fatigue:Cooldowns:0:Days</c>) for invalid values.</param>
    /// <returns>Whether the program is valid.</returns>
    public static bool TryRead(string json, [NotNullWhen(true)] out NpsOptions? options, out IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Finish(() => JsonSerializer.Deserialize(json, NpsProgramJsonContext.Default.NpsOptions), out options, out errors);
    }

    /// <summary>Reads and validates a program from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream (read to its end, not closed).</param>
    /// <param name="options">The program, when valid.</param>
    /// <param name="errors">Every problem, each naming its place (see <see cref="TryRead(string, out NpsOptions?, out IReadOnlyList{DataError})"/>).</param>
    /// <returns>Whether the program is valid.</returns>
    public static bool TryRead(Stream utf8Json, [NotNullWhen(true)] out NpsOptions? options, out IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Finish(() => JsonSerializer.Deserialize(utf8Json, NpsProgramJsonContext.Default.NpsOptions), out options, out errors);
    }

    /// <summary>Writes a program as indented JSON, in the same format <see cref="TryRead(string, out NpsOptions?, out IReadOnlyList{DataError})"/> reads.</summary>
    /// <param name="options">The program.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, NpsProgramJsonContext.Default.NpsOptions);
    }

    private static bool Finish(Func<NpsOptions?> read, [NotNullWhen(true)] out NpsOptions? options, out IReadOnlyList<DataError> errors)
    {
        options = null;
        NpsOptions? candidate;
        try
        {
            candidate = read();
        }
        catch (JsonException exception)
        {
            errors = [Describe(exception)];
            return false;
        }

        if (candidate is null)
        {
            errors = [new(0, "$", "the program must be a JSON object.")];
            return false;
        }

        errors = candidate.Errors();
        if (errors.Count > 0) return false;
        options = candidate;
        return true;
    }

    private static DataError Describe(JsonException exception) =>
        new((exception.LineNumber ?? -1) + 1, exception.Path ?? "$", exception.Message);
}
