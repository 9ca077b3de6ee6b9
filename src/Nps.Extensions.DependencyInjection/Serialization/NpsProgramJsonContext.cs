using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nps.Serialization;

/// <summary>
/// System.Text.Json source-generated metadata for program files: camelCase, enums as strings, unknown fields
/// rejected (a misspelt rule must not silently fall back to its default); trimming- and AOT-safe.
/// </summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, // a repeated key is refused, not "the last one wins"
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(NpsOptions))]
internal sealed partial class NpsProgramJsonContext : JsonSerializerContext;
