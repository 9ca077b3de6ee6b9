using System.Text.Json;
using System.Text.Json.Serialization;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// An enum as its lower-case kebab wire name (<see cref="WireNames"/>: <c>transactional</c>, <c>promoter</c>), as
/// every document of the wire contract writes it; read case-insensitively by the same table.
/// </summary>
internal sealed class WireNameConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && WireNames.TryParse(reader.GetString(), out T value)
            ? value
            : throw new JsonException($"Expected {WireNames.Describe<T>()}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(WireNames.Format(value));
}
