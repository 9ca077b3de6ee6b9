using System.Text.Json.Serialization;
using Nps.FollowUp;
using Nps.Sampling;

namespace Nps.Sqlite;

/// <summary>The storage format of the bodies this package keeps as JSON (decisions, follow-ups, attributes): its own, not the wire contract's.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RatingConverter)])]
[JsonSerializable(typeof(SurveyDecision))]
[JsonSerializable(typeof(FollowUpCase))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;

/// <summary>A rating as its number in stored bodies.</summary>
internal sealed class RatingConverter : JsonConverter<NpsRating>
{
    public override NpsRating Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        NpsRating.From(reader.GetInt32());

    public override void Write(System.Text.Json.Utf8JsonWriter writer, NpsRating value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
