using System.Text.Json.Serialization;
using Nps.FollowUp;
using Nps.Sampling;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The storage format of the bodies the relational stores keep as JSON (decisions, follow-ups, attributes): their
/// own, not the wire contract's; generated at compile time (trimming- and AOT-safe).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RatingAsNumber)])]
[JsonSerializable(typeof(SurveyDecision))]
[JsonSerializable(typeof(FollowUpCase))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StoreJson : JsonSerializerContext;
