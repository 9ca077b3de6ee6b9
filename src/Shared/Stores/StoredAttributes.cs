using System.Text.Json;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// A response's or an invitation's attributes as both relational stores keep them: one JSON object of strings
/// (<see cref="StoreJson"/>), read back with ordinal keys. Whether no attributes is stored as NULL or as <c>{}</c> is each
/// store's own; both read as none.
/// </summary>
internal static class StoredAttributes
{
    /// <summary>The stored JSON of the attributes.</summary>
    public static string Write(IReadOnlyDictionary<string, string> attributes) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(attributes, StringComparer.Ordinal), StoreJson.Default.DictionaryStringString);

    /// <summary>The attributes from their stored JSON; none when the column is NULL or holds JSON <c>null</c>.</summary>
    public static Dictionary<string, string> Read(string? json) => new(
        json is null ? [] : JsonSerializer.Deserialize(json, StoreJson.Default.DictionaryStringString) ?? [], StringComparer.Ordinal);
}
