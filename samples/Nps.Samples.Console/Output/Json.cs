using Nps.Serialization;

namespace Nps.Samples.Console.Output;

/// <summary>Writes a document of the wire contract (<see cref="NpsJson"/>), the same bytes the web API sends.</summary>
internal static class Json
{
    /// <summary>Writes <paramref name="document"/> and a <c>\n</c>, whatever the writer's line end.</summary>
    public static void Write<T>(TextWriter writer, T document)
    {
        writer.Write(NpsJson.Serialize(document));
        writer.Write('\n');
    }
}
