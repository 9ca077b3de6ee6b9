using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nps.Insights;

/// <summary>
/// System.Text.Json source-generated metadata for theme taxonomies and theme analyses (camelCase, ratings as numbers, enums as
/// strings, NaN written as <c>"NaN"</c> for the score of an empty group; trimming- and AOT-safe).
/// Internal: hosts write the documents of <see cref="Nps.Serialization.NpsJson"/> (one contract, kebab-case
/// values); this context serves the library's own reading and round-trip tests.
/// </summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, // a repeated key is refused, not "the last one wins"
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(NpsRatingJsonConverter)])]
[JsonSerializable(typeof(ThemeTaxonomyDocument))]
[JsonSerializable(typeof(ThemeAnalysis))]
internal sealed partial class ThemeJsonContext : JsonSerializerContext;
