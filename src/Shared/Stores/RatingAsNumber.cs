using System.Text.Json;
using System.Text.Json.Serialization;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>A rating as its number, 0–10, in stored bodies.</summary>
internal sealed class RatingAsNumber : JsonConverter<NpsRating>
{
    public override NpsRating Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => NpsRating.From(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, NpsRating value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
