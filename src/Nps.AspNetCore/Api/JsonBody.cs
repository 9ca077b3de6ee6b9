using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Reads a JSON request body with a size limit. Malformed JSON, a wrong type or an unknown field becomes a
/// validation problem naming the field (from the JSON path), not a bare 400; so is a key given twice (never "the
/// last one wins"); an oversized body is a 413.
/// </summary>
internal static class JsonBody
{
    /// <summary>The largest request body accepted (64 KiB): an NPS response or an event is a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body, or why not: invalid (400) or too large (413).</summary>
    public static async Task<(T? Value, ValidationProblem? Invalid, PayloadTooLargeProblem? TooLarge)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type,
        CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxBytes) return (null, null, TooLarge());
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, null, TooLarge());
            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type);
            if (value is null) return (null, Invalid("$", "the body must be a JSON object."), null);
            return (value, null, null);
        }
        catch (JsonException exception)
        {
            var path = exception.Path ?? "$";
            // System.Text.Json names the extension-data property for a repeated free field; name the key instead.
            var message = exception.Message.StartsWith("Duplicate property", StringComparison.Ordinal)
                ? $"'{FieldName(path)}' is given more than once; each key may appear once."
                : exception.Message;
            return (null, Invalid(path, message), null);
        }
    }

    private static ValidationProblem Invalid(string path, string message)
    {
        var errors = new FieldErrors();
        errors.Add(FieldName(path), message);
        return errors.ToProblem();
    }

    /// <summary><c>$.attributes.region</c> → <c>attributes.region</c>; the whole body is <c>$</c>.</summary>
    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static PayloadTooLargeProblem TooLarge() => new($"Request bodies are limited to {MaxBytes} bytes.");
}
