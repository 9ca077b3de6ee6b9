using System.Text.Json.Serialization;

namespace Nps.Serialization;

/// <summary>
/// The one source-generated JSON context of the wire contract. Options are fixed here, never by a host:
/// camelCase names, nulls written, indented. Enum-like values travel as lower-case kebab strings, which the
/// documents hold as strings (see <see cref="NpsJson"/>). Every document type is listed once, below.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(CustomerRecordDocument))]
internal sealed partial class NpsJsonContext : JsonSerializerContext;
