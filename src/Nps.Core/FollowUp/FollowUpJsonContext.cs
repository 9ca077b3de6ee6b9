using System.Text.Json.Serialization;

namespace Nps.FollowUp;

/// <summary>
/// System.Text.Json source-generated metadata for follow-ups, results, metrics and the policy (camelCase, ratings as numbers, enums
/// as strings; trimming- and AOT-safe).
/// Internal: hosts write the documents of <see cref="Nps.Serialization.NpsJson"/> (one contract, kebab-case
/// values); this context serves the library's own reading and round-trip tests.
/// </summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, // a repeated key is refused, not "the last one wins"
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(NpsRatingJsonConverter)])]
[JsonSerializable(typeof(FollowUpCase))]
[JsonSerializable(typeof(IReadOnlyList<FollowUpCase>))]
[JsonSerializable(typeof(FollowUpCreationResult))]
[JsonSerializable(typeof(FollowUpTransitionResult))]
[JsonSerializable(typeof(FollowUpMetrics))]
[JsonSerializable(typeof(FollowUpPolicy))]
internal sealed partial class FollowUpJsonContext : JsonSerializerContext;
