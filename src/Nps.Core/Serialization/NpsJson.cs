using System.Buffers;
using System.Text;
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

    // The writer settings the serializer derives from the contract's options (validation off, as the serializer does).
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Context.Options.Encoder,
        Indented = Context.Options.WriteIndented,
        IndentCharacter = Context.Options.IndentCharacter,
        IndentSize = Context.Options.IndentSize,
        NewLine = Context.Options.NewLine,
        MaxDepth = Context.Options.MaxDepth,
        SkipValidation = true,
    };

    /// <summary>Serialises <paramref name="document"/> to a JSON string (no trailing line end).</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static string Serialize<T>(T document)
    {
        var buffer = new PooledBuffer();
        try
        {
            Serialize(buffer, document);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Return();
        }
    }

    /// <summary>Serialises <paramref name="document"/> as UTF-8 into <paramref name="utf8Json"/> (for example an HTTP response's body writer).</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="utf8Json">Where the bytes go; they are advanced, not flushed.</param>
    /// <param name="document">The document.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static void Serialize<T>(IBufferWriter<byte> utf8Json, T document)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var info = TypeInfo<T>();
        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        Write(writer, document, info);
    }

    /// <summary>Serialises <paramref name="document"/> as UTF-8 bytes: the bytes of <see cref="Serialize{T}(T)"/>'s text.</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="document">The document.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a document of the contract.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T document)
    {
        var buffer = new PooledBuffer();
        try
        {
            Serialize(buffer, document);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Return();
        }
    }

    /// <summary>Serialises <paramref name="document"/> as UTF-8 to <paramref name="utf8Json"/>.</summary>
    /// <typeparam name="T">A document type of the contract.</typeparam>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public static async Task SerializeAsync<T>(Stream utf8Json, T document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = new PooledBuffer(); // written whole, then sent in one write: pooled, so a large report allocates nothing here
        try
        {
            Serialize(buffer, document);
            await utf8Json.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            buffer.Return();
        }
    }

    /// <summary>
    /// Writes through the source generator's serialization code when it has one for the type. The serializer itself
    /// only takes that fast path without a custom text encoder, so with the contract's relaxed encoder it would walk
    /// the metadata instead (about twice the time). Both write through a <see cref="Utf8JsonWriter"/> with the same
    /// settings: the property names are ASCII camelCase, the same under either encoder, and every value (strings,
    /// dictionary keys, numbers) is written by the writer, so the bytes are the same (tested against the serializer).
    /// </summary>
    private static void Write<T>(Utf8JsonWriter writer, T document, JsonTypeInfo<T> info)
    {
        if (info.SerializeHandler is { } handler) handler(writer, document);
        else JsonSerializer.Serialize(writer, document, info);
        writer.Flush();
    }

    /// <summary>The serializer's own path, for tests that compare it with <see cref="Serialize{T}(T)"/>.</summary>
    internal static string SerializeThroughMetadata<T>(T document) => JsonSerializer.Serialize(document, TypeInfo<T>());

    /// <summary>Reads a document written by <see cref="Serialize{T}(T)"/> (by this or another host).</summary>
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

    /// <summary>A growable buffer over pooled arrays, so a large document allocates only its final text.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _written;

        public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

        public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsSpan(_written);
        }

        public void Return() => ArrayPool<byte>.Shared.Return(_array);

        private void Ensure(int sizeHint)
        {
            if (_array.Length - _written >= Math.Max(sizeHint, 1)) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _written + sizeHint));
            _array.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
    }
}
