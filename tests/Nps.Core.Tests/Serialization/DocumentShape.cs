using System.Text.Json;

namespace Nps.Tests.Serialization;

/// <summary>Reads a written document back as plain JSON, to check names and values as a client sees them.</summary>
internal static class DocumentShape
{
    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
