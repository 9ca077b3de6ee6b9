using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nps.Samples.Console.Output;

/// <summary>Writes documents as JSON through the source-generated context, keeping accents readable.</summary>
internal static class Json
{
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        // Output goes to a file or a terminal, never into HTML, so "é" may stay "é".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The context with the tool's options.</summary>
    public static CliJsonContext Options => Context;

    /// <summary>Writes <paramref name="value"/> and a newline.</summary>
    public static void Write<T>(TextWriter writer, T value, Func<CliJsonContext, JsonTypeInfo<T>> type)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, type(Context)));
    }
}
