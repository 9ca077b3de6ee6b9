using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Nps.Serialization;

/// <summary>
/// The shared first step of the library's hand-written JSON file readers (ambitions, follow-up exports): parse the
/// text leniently (comments and trailing commas allowed, a repeated key refused) and turn a syntax error into one problem that names its
/// line and position, instead of an exception.
/// </summary>
internal static class JsonFileText
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="json"/>; on a syntax error adds a <see cref="DataError"/> on line L with the reason
    /// <c>not valid JSON (position P): reason</c> to <paramref name="problems"/>.</summary>
    public static bool TryParse(string json, List<DataError> problems, [NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(json, Options);
            return true;
        }
        catch (JsonException error)
        {
            problems.Add(new((error.LineNumber ?? 0) + 1, null, string.Create(CultureInfo.InvariantCulture,
                $"not valid JSON (position {(error.BytePositionInLine ?? 0) + 1}): {FirstSentence(error.Message)}")));
            document = null;
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>
    /// A refused JSON value as written (a string without its quotes), for <see cref="DataError.Value"/>; none for an object
    /// or array, which can be of any size.
    /// </summary>
    public static string? Shown(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object or JsonValueKind.Array => null,
        _ => element.GetRawText(),
    };
}
