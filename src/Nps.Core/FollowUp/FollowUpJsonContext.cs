using System.Text.Json.Serialization;

namespace Nps.FollowUp;

/// <summary>
/// System.Text.Json source-generated metadata for follow-ups, results, metrics and the policy (camelCase, ratings as numbers, enums
/// as strings; trimming- and AOT-safe).
/// </summary>
[JsonSourceGenerationOptions(
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
public sealed partial class FollowUpJsonContext : JsonSerializerContext;
