using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nps.Serialization;

/// <summary>
/// Writes and reads the documents of the wire contract with the contract's fixed options (see the remarks), so
/// every host writes byte-identical JSON for the same document. Trimming- and AOT-safe: only types the contract
/// lists are accepted.
/// </summary>
/// <remarks>
/// camelCase, every property written (nulls too), indented with two spaces and <c>\n</c>, doubles at full
/// precision, enum-like values as lower-case kebab strings. Text is escaped minimally (quotes, backslashes and
/// control characters; <c>é</c> and <c>–</c> stay as they are): documents are data for files, terminals and
/// <c>application/json</c> bodies, never HTML — a page that embeds one must encode it for HTML itself.
/// </remarks>
public static class NpsJson
{
    private static readonly NpsJsonContext Context = new(new JsonSerializerOptions(NpsJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Serialises <paramref name="document"/> to a JSON string (no trailing line end).</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, TypeInfo<T>());

    /// <summary>Serialises <paramref name="document"/> as UTF-8 to <paramref name="utf8Json"/>.</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public static Task SerializeAsync<T>(Stream utf8Json, T document, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(utf8Json, document, TypeInfo<T>(), cancellationToken);

    /// <summary>Reads a document written by <see cref="Serialize{T}"/> (by this or another host).</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document, or <see langword="null"/> for the JSON literal <c>null</c>.</returns>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static T? Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo<T>());
    }

    /// <summary>The contract's metadata for <typeparamref name="T"/>, for hosts that write through their own
    /// serializer calls (for example ASP.NET Core's <c>TypedResults.Json</c>); it carries the contract's options.</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        Context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a document of the Nps wire contract.");

    /// <summary>A finite value as is; NaN or an infinity (an undefined score or test) as <see langword="null"/>.</summary>
    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
