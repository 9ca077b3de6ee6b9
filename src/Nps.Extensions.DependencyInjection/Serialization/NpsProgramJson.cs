using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Touchpoints;

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
        return Finish(System.Text.Encoding.UTF8.GetBytes(json), out options, out errors);
    }

    /// <summary>Reads and validates a program from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream (read to its end, not closed).</param>
    /// <param name="options">The program, when valid.</param>
    /// <param name="errors">Every problem, each naming its place (see <see cref="TryRead(string, out NpsOptions?, out IReadOnlyList{DataError})"/>).</param>
    /// <returns>Whether the program is valid.</returns>
    public static bool TryRead(Stream utf8Json, [NotNullWhen(true)] out NpsOptions? options, out IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Finish(buffer.ToArray(), out options, out errors);
    }

    /// <summary>Writes a program as indented JSON, in the same format <see cref="TryRead(string, out NpsOptions?, out IReadOnlyList{DataError})"/> reads.</summary>
    /// <param name="options">The program.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(NpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, NpsProgramJsonContext.Default.NpsOptions);
    }

    private static bool Finish(byte[] utf8Json, [NotNullWhen(true)] out NpsOptions? options, out IReadOnlyList<DataError> errors)
    {
        options = null;
        NpsOptions? candidate;
        try
        {
            // The file as written first: its syntax, type and unknown-field errors carry its own lines and paths.
            if (JsonSerializer.Deserialize(utf8Json, NpsProgramJsonContext.Default.NpsOptions) is null)
            {
                errors = [new(0, "$", "the program must be a JSON object.")];
                return false;
            }

            candidate = ReadOverDefaults(utf8Json);
        }
        catch (JsonException exception)
        {
            errors = [Describe(exception)];
            return false;
        }

        errors = candidate.Errors();
        if (errors.Count > 0) return false;
        options = candidate;
        return true;
    }

    // The source-generated reader sets an absent init property to default (null, 0, false), not to its initializer
    // (dotnet/runtime#84484). So the file is read over the defaults: each object it holds is merged over the JSON of a
    // new instance of its type, and an absent property keeps its default, as it did before the options were immutable.
    private static NpsOptions ReadOverDefaults(byte[] utf8Json)
    {
        var context = NpsProgramJsonContext.Default;
        var file = JsonNode.Parse(utf8Json, documentOptions: new() { CommentHandling = context.Options.ReadCommentHandling, AllowTrailingCommas = context.Options.AllowTrailingCommas })!;
        var merged = OverDefaults(file, context.GetTypeInfo(typeof(NpsOptions))!, context);
        return merged.Deserialize(context.NpsOptions)!;
    }

    private static JsonNode? OverDefaults(JsonNode? node, JsonTypeInfo type, NpsProgramJsonContext context)
    {
        switch (node)
        {
            case JsonObject written when type.Kind == JsonTypeInfoKind.Object:
                var merged = Defaults.TryGetValue(type.Type, out var create)
                    ? JsonSerializer.SerializeToNode(create(), type)!.AsObject()
                    : throw new InvalidOperationException($"Program files have no defaults for {type.Type.Name}; add it to NpsProgramJson.Defaults.");
                foreach (var (name, value) in written.ToList())
                {
                    var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
                    written.Remove(name);
                    merged[name] = property is null ? value : OverDefaults(value, context.GetTypeInfo(property.PropertyType)!, context);
                }

                return merged;
            case JsonArray items when type is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType }:
                var element = context.GetTypeInfo(elementType)!;
                var array = new JsonArray();
                foreach (var item in items.ToList())
                {
                    items.Remove(item);
                    array.Add(OverDefaults(item, element, context));
                }

                return array;
            default:
                return node;
        }
    }

    /// <summary>A new instance of each object type a program file holds: what an absent property keeps.</summary>
    private static readonly Dictionary<Type, Func<object>> Defaults = new()
    {
        [typeof(NpsOptions)] = () => new NpsOptions(),
        [typeof(FatigueOptions)] = () => new FatigueOptions(),
        [typeof(CooldownOptions)] = () => new CooldownOptions(),
        [typeof(FrequencyCapOptions)] = () => new FrequencyCapOptions(),
        [typeof(NewCustomerDelayOptions)] = () => new NewCustomerDelayOptions(),
        [typeof(ExclusionOptions)] = () => new ExclusionOptions(),
        [typeof(QuietHoursOptions)] = () => new QuietHoursOptions(),
        [typeof(ContactBudgetOptions)] = () => new ContactBudgetOptions(),
        [typeof(SurveyScope)] = () => new SurveyScope(),
        [typeof(SamplingOptions)] = () => new SamplingOptions(),
        [typeof(SamplingPolicyOptions)] = () => new SamplingPolicyOptions(),
        [typeof(QuotaOptions)] = () => new QuotaOptions(),
        [typeof(RelationalCadenceOptions)] = () => new RelationalCadenceOptions(),
        [typeof(NpsReportingOptions)] = () => new NpsReportingOptions(),
        [typeof(NpsFollowUpOptions)] = () => new NpsFollowUpOptions(),
        [typeof(NpsThemeOptions)] = () => new NpsThemeOptions(),
        [typeof(NpsRetentionOptions)] = () => new NpsRetentionOptions(),
    };

    private static DataError Describe(JsonException exception) =>
        new((exception.LineNumber ?? -1) + 1, exception.Path ?? "$", exception.Message);
}
