using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nps;

/// <summary>Writes an <see cref="NpsRating"/> as its number (0–10) and reads it back, refusing anything else.</summary>
/// <remarks>Without it a rating would serialize as an object (<c>{"value":7,"category":...}</c>) that does not read back.</remarks>
internal sealed class NpsRatingJsonConverter : JsonConverter<NpsRating>
{
    public override NpsRating Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && NpsRating.TryCreate(value, out var rating)) return rating;
        throw new JsonException("A rating must be a whole number from 0 to 10.");
    }

    public override void Write(Utf8JsonWriter writer, NpsRating value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
