using System.Globalization;
using System.Text.Json;

namespace Nps.Data;

/// <summary>
/// JSON Lines over UTF-8 bytes: one flat JSON object per line. Strings, numbers and booleans become values
/// (numbers keep their JSON text), <c>null</c> means absent; nested objects or arrays are an error for that record.
/// Keys become columns in the order they are first met.
/// </summary>
internal sealed class JsonLinesRecordSource : RecordSource
{
    private int[] _seen = new int[16];
    private int _recordNumber;

    public JsonLinesRecordSource(Stream stream, int maxRecordSize, long firstLine = 1)
        : base(stream, maxRecordSize, firstLine)
    {
    }

    public override bool TryReadHeader(out DataError error)
    {
        error = default;
        return true;
    }

    public override bool Read(RawRecord record)
    {
        while (true)
        {
            ConsumePending();
            if (SkipRestOfLine && !SkipLine())
            {
                return false;
            }

            var w = Window;
            if (!w.Ensure(0, out var fill))
            {
                return false;
            }

            var startLine = Line;
            var searched = 0;
            int length, consumed;
            while (true)
            {
                var newline = w.Buffer.AsSpan(w.Start + searched, w.End - w.Start - searched).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    length = searched + newline;
                    consumed = length + 1;
                    break;
                }

                searched = w.End - w.Start;
                if (searched > MaxRecordSize || !w.Ensure(searched, out fill))
                {
                    if (searched > MaxRecordSize || fill == ByteWindow.FillResult.Full)
                    {
                        record.Reset(startLine, Columns.Count);
                        record.Error = TooLong(startLine, null);
                        Pending = w.End - w.Start;
                        SkipRestOfLine = true;
                        return true;
                    }

                    length = consumed = w.End - w.Start;
                    break;
                }
            }

            Pending = consumed;
            Line = startLine + 1;
            var bytes = w.Buffer.AsSpan(w.Start, length);
            if (bytes.Length > 0 && bytes[^1] == '\r')
            {
                bytes = bytes[..^1];
            }

            if (bytes.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
            {
                continue;
            }

            record.Reset(startLine, Columns.Count);
            record.Attach(w.Buffer, w.Start);
            if (bytes.Length > MaxRecordSize)
            {
                record.Error = TooLong(startLine, null);
                return true;
            }

            var invalid = FindInvalidUtf8(bytes);
            if (invalid >= 0)
            {
                record.Error = InvalidUtf8(bytes, invalid, startLine, FieldAt(bytes, invalid));
                return true;
            }

            Parse(bytes, record, startLine);
            return true;
        }
    }

    private void Parse(ReadOnlySpan<byte> bytes, RawRecord record, long line)
    {
        _recordNumber++;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                record.Error = new DataError(line, null, "each line must be one JSON object");
                return;
            }

            Span<byte> nameBuffer = stackalloc byte[256];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                scoped ReadOnlySpan<byte> name;
                if (!reader.ValueIsEscaped)
                {
                    name = reader.ValueSpan;
                }
                else if (reader.ValueSpan.Length <= nameBuffer.Length)
                {
                    name = nameBuffer[..reader.CopyString(nameBuffer)];
                }
                else
                {
                    name = System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
                }

                var column = Columns.GetOrAdd(name);
                if (!reader.Read())
                {
                    break;
                }

                if (column >= _seen.Length)
                {
                    Array.Resize(ref _seen, Math.Max(_seen.Length * 2, column + 1));
                }

                if (_seen[column] == _recordNumber)
                {
                    record.Error = new DataError(line, Columns[column], "the key appears twice in one object");
                    return;
                }

                _seen[column] = _recordNumber;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String when !reader.ValueIsEscaped:
                        record.Set(column, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                        break;
                    case JsonTokenType.String:
                        var offset = record.ScratchLength;
                        var target = record.AppendScratch(reader.ValueSpan.Length);
                        var written = reader.CopyString(target);
                        record.TrimScratch(target.Length - written);
                        record.SetScratch(column, offset, written);
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                        record.Set(column, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        record.Error = new DataError(line, Columns[column], "nested objects and arrays are not supported; use a flat value");
                        return;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                record.Error = new DataError(line, null, "invalid JSON: the object is not closed");
                return;
            }

            // Anything after the object (but spaces) is an error; the reader throws on it.
            reader.Read();
        }
        catch (JsonException exception)
        {
            var where = exception.BytePositionInLine is { } position ? string.Create(CultureInfo.InvariantCulture, $" at position {position + 1}") : "";
            record.Error = new DataError(line, null, $"invalid JSON{where}");
        }
    }

    /// <summary>The key whose value holds byte <paramref name="index"/>: the last key before it (best effort).</summary>
    private static string? FieldAt(ReadOnlySpan<byte> bytes, int index)
    {
        var reader = new Utf8JsonReader(bytes[..index], isFinalBlock: false, default);
        string? last = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    last = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // The prefix may end mid-token; the last key read so far is the answer.
        }

        return last;
    }
}
