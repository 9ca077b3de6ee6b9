using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nps.Serialization;

/// <summary>
/// Writes and reads the documents of the wire contract with the contract's fixed options, so every host writes
/// byte-identical JSON for the same document. Trimming- and AOT-safe: only types the contract lists are accepted.
/// </summary>
public static class NpsJson
{
    /// <summary>Serialises <paramref name="document"/> to a JSON string.</summary>
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

    /// <summary>The contract's metadata for <typeparamref name="T"/>, for hosts that write through their own
    /// serializer calls (for example ASP.NET Core's <c>TypedResults.Json</c>).</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        NpsJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a document of the Nps wire contract.");
}
