using System.Text;
using System.Text.Json;

namespace Nps.Samples.Console.Input;

/// <summary>
/// A streaming JSON Lines reader: one flat JSON object per line. Strings, numbers and booleans become cell values
/// (numbers keep their JSON text), <c>null</c> means absent; nested objects or arrays are an error for that row.
/// Keys become columns in the order they are first met.
/// </summary>
public sealed class JsonLinesRecordReader : IRecordReader
{
    private readonly StreamReader reader;
    private readonly List<string> columns = [];
    private readonly Dictionary<string, int> columnIndex = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads JSON Lines from <paramref name="stream"/> (UTF-8, with or without a byte-order mark).</summary>
    public JsonLinesRecordReader(Stream stream) =>
        reader = new StreamReader(stream, RecordReaders.StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);

    /// <inheritdoc />
    public IReadOnlyList<string> Columns => columns;

    /// <inheritdoc />
    public int IndexOf(string column) => columnIndex.TryGetValue(column, out var index) ? index : -1;

    /// <inheritdoc />
    public IEnumerable<RawRecord> ReadRecords()
    {
        long lineNumber = 0;
        while (true)
        {
            string? text;
            var invalidEncoding = false;
            try
            {
                text = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                text = null;
                invalidEncoding = true;
            }

            if (invalidEncoding)
            {
                lineNumber++;
                yield return new RawRecord(lineNumber, [], new InputError(lineNumber, null, "the file is not valid UTF-8 here; reading stopped"));
                yield break;
            }

            if (text is null)
            {
                yield break;
            }

            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return Parse(lineNumber, text);
        }
    }

    private RawRecord Parse(long lineNumber, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            var where = exception.BytePositionInLine is { } position ? $" at position {position + 1}" : "";
            return new RawRecord(lineNumber, [], new InputError(lineNumber, null, $"invalid JSON{where}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new RawRecord(lineNumber, [], new InputError(lineNumber, null, "each line must be one JSON object"));
            }

            var values = new string?[columns.Count];
            var seen = new HashSet<int>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var index = IndexOf(property.Name);
                if (index < 0)
                {
                    index = columns.Count;
                    columns.Add(property.Name);
                    columnIndex[property.Name] = index;
                    Array.Resize(ref values, columns.Count);
                }

                if (!seen.Add(index))
                {
                    return new RawRecord(lineNumber, values, new InputError(lineNumber, property.Name, "the key appears twice in one object"));
                }

                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[index] = value.GetString();
                        break;
                    case JsonValueKind.Number:
                        values[index] = value.GetRawText();
                        break;
                    case JsonValueKind.True:
                        values[index] = "true";
                        break;
                    case JsonValueKind.False:
                        values[index] = "false";
                        break;
                    case JsonValueKind.Null:
                        values[index] = null;
                        break;
                    default:
                        return new RawRecord(lineNumber, values, new InputError(lineNumber, property.Name, "nested objects and arrays are not supported; use a flat value"));
                }
            }

            return new RawRecord(lineNumber, values, null);
        }
    }

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();
}
