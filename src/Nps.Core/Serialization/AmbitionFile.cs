using System.Globalization;
using System.Text.Json;
using Nps.Ambitions;
using Nps.Serialization;

namespace Nps.Serialization;

/// <summary>
/// Reads the ambitions file: <c>{ "ambitions": [ { "dimension": "product", "value": "Hypotheek", "target": 30,
/// "by": "2026-12-31", "baseline": { "from": "2025-01-01", "to": "2025-12-31" } } ] }</c>.
/// </summary>
/// <remarks>
/// Comments and trailing commas are allowed. Errors are reported as <see cref="DataError"/>s, never thrown: the JSON
/// syntax error with its line and position, or every invalid or unknown field by its path as the field
/// (<c>ambitions[0].by: must be a date (yyyy-MM-dd), got '2026-13-01'</c>, with the value <c>2026-13-01</c>). Dates are <c>yyyy-MM-dd</c>; the target is a number in [−100, 100]; the baseline ends before
/// <c>by</c>; any dimension name is allowed.
/// </remarks>
public static class AmbitionFile
{
    /// <summary>Parses the ambitions file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="ambitions">The ambitions, in file order, when valid; empty otherwise.</param>
    /// <param name="errors">Every problem, each naming its JSON path as the field and the refused value; empty when valid.</param>
    /// <returns>Whether the file is valid.</returns>
    public static bool TryParse(string json, out IReadOnlyList<Ambition> ambitions, out IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<DataError>();
        var result = new List<Ambition>();
        ambitions = [];
        errors = problems;
        if (!JsonFileText.TryParse(json, problems, out var document)) return false;

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(0, null, "the file must be an object with an \"ambitions\" array"));
                return false;
            }

            JsonElement? list = null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("ambitions")) list = property.Value;
                else problems.Add(new(0, property.Name, "is not a field of the ambitions file (expected: ambitions)"));
            }

            if (list is not { ValueKind: JsonValueKind.Array } array)
            {
                problems.Add(new(0, "ambitions", list is null ? "is missing" : "must be an array"));
                return false;
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (ReadAmbition(item, $"ambitions[{index}]", problems) is { } ambition) result.Add(ambition);
                index++;
            }
        }

        if (problems.Count > 0) return false;
        ambitions = result;
        return true;
    }

    private static Ambition? ReadAmbition(JsonElement item, string path, List<DataError> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(0, path, "must be an object"));
            return null;
        }

        var before = problems.Count;
        string? dimension = null, value = null;
        double? target = null;
        DateOnly? by = null, from = null, to = null;
        var seenBaseline = false;
        foreach (var property in item.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "dimension": dimension = Text(property.Value, at, problems); break;
                case "value": value = Text(property.Value, at, problems); break;
                case "target": target = Target(property.Value, at, problems); break;
                case "by": by = Date(property.Value, at, problems); break;
                case "baseline":
                    seenBaseline = true;
                    ReadBaseline(property.Value, at, problems, out from, out to);
                    break;
                default:
                    problems.Add(new(0, at, "is not a field of an ambition (expected: dimension, value, target, by, baseline)"));
                    break;
            }
        }

        Require(dimension is not null || HasProblemAt(problems, before, $"{path}.dimension"), new(0, $"{path}.dimension", "is missing"), problems);
        Require(value is not null || HasProblemAt(problems, before, $"{path}.value"), new(0, $"{path}.value", "is missing"), problems);
        Require(target is not null || HasProblemAt(problems, before, $"{path}.target"), new(0, $"{path}.target", "is missing"), problems);
        Require(by is not null || HasProblemAt(problems, before, $"{path}.by"), new(0, $"{path}.by", "is missing"), problems);
        Require(seenBaseline, new(0, $"{path}.baseline", "is missing"), problems);
        if (from is { } f && to is { } t)
        {
            Require(f <= t, new(0, $"{path}.baseline.to", string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-dd} is before {path}.baseline.from ({f:yyyy-MM-dd})"), Iso(t)), problems);
            if (by is { } end) Require(end > t, new(0, $"{path}.by", string.Create(CultureInfo.InvariantCulture, $"{end:yyyy-MM-dd} must be after {path}.baseline.to ({t:yyyy-MM-dd})"), Iso(end)), problems);
        }

        return problems.Count == before ? new Ambition(dimension!, value!, target!.Value, by!.Value, from!.Value, to!.Value) : null;
    }

    private static void ReadBaseline(JsonElement element, string path, List<DataError> problems, out DateOnly? from, out DateOnly? to)
    {
        from = null;
        to = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(0, path, "must be an object with from and to"));
            return;
        }

        var before = problems.Count;
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "from": from = Date(property.Value, at, problems); break;
                case "to": to = Date(property.Value, at, problems); break;
                default: problems.Add(new(0, at, "is not a field of a baseline (expected: from, to)")); break;
            }
        }

        Require(from is not null || HasProblemAt(problems, before, $"{path}.from"), new(0, $"{path}.from", "is missing"), problems);
        Require(to is not null || HasProblemAt(problems, before, $"{path}.to"), new(0, $"{path}.to", "is missing"), problems);
    }

    private static string? Text(JsonElement element, string path, List<DataError> problems)
    {
        if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())) return element.GetString();
        problems.Add(new(0, path, "must be a non-empty string", JsonFileText.Shown(element)));
        return null;
    }

    private static double? Target(JsonElement element, string path, List<DataError> problems)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && value is >= -100 and <= 100) return value;
        problems.Add(element.ValueKind == JsonValueKind.Number
            ? new(0, path, $"must be an NPS from -100 to 100, got {element.GetRawText()}", element.GetRawText())
            : new(0, path, "must be a number from -100 to 100", JsonFileText.Shown(element)));
        return null;
    }

    private static DateOnly? Date(JsonElement element, string path, List<DataError> problems)
    {
        if (element.ValueKind == JsonValueKind.String
            && IsoDate.TryParse(element.GetString(), out var date))
        {
            return date;
        }

        problems.Add(element.ValueKind == JsonValueKind.String
            ? new(0, path, $"must be a date (yyyy-MM-dd), got '{element.GetString()}'", element.GetString())
            : new(0, path, "must be a date (yyyy-MM-dd)", JsonFileText.Shown(element)));
        return null;
    }

    private static bool HasProblemAt(List<DataError> problems, int from, string path)
    {
        for (var i = from; i < problems.Count; i++)
        {
            if (problems[i].Field == path) return true;
        }

        return false;
    }

    private static void Require(bool condition, DataError problem, List<DataError> problems)
    {
        if (!condition) problems.Add(problem);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
