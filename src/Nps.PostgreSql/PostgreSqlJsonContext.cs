using System.Text.Json;
using System.Text.Json.Serialization;
using Nps.FollowUp;
using Nps.Sampling;

namespace Nps.PostgreSql;

/// <summary>
/// How the stores keep what they never query by (a decision's checks and draw, a follow-up's notes): JSON text,
/// generated at compile time (trimming- and AOT-safe), private to this package's tables.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RatingAsNumber)])]
[JsonSerializable(typeof(SurveyDecision))]
[JsonSerializable(typeof(FollowUpCase))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PostgreSqlJsonContext : JsonSerializerContext;

/// <summary>A rating as its number, 0–10.</summary>
internal sealed class RatingAsNumber : JsonConverter<NpsRating>
{
    public override NpsRating Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => NpsRating.From(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, NpsRating value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
