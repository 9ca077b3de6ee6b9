using System.Text;

namespace Nps.Samples.Console.Input;

/// <summary>
/// A streaming RFC 4180 reader: header row, quoted fields with doubled quotes and embedded newlines, UTF-8 with
/// or without a byte-order mark, and a comma or semicolon delimiter detected from the header line (spreadsheets in
/// Dutch locales write semicolons). Memory is one buffer plus one record, whatever the file size.
/// </summary>
public sealed class CsvRecordReader : IRecordReader
{
    private const int BufferSize = 1 << 16;

    private readonly TextReader reader;
    private readonly char[] buffer = new char[BufferSize];
    private readonly Dictionary<string, int> columnIndex = new(StringComparer.OrdinalIgnoreCase);
    private string[] columns = [];
    private readonly StringBuilder field = new();
    private readonly List<string?> fields = [];
    private int position;
    private int length;
    private long line = 1;
    private char delimiter;

    private CsvRecordReader(TextReader reader) => this.reader = reader;

    /// <summary>The delimiter detected from the header line: <c>,</c> or <c>;</c>.</summary>
    public char Delimiter => delimiter;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns => columns;

    /// <inheritdoc />
    public int IndexOf(string column) => columnIndex.TryGetValue(column, out var index) ? index : -1;

    /// <summary>Reads the header of <paramref name="stream"/>; on failure the error names the line and reason.</summary>
    public static bool TryOpen(Stream stream, out CsvRecordReader? reader, out InputError error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = new StreamReader(stream, RecordReaders.StrictUtf8, detectEncodingFromByteOrderMarks: true, BufferSize);
        var csv = new CsvRecordReader(text);
        try
        {
            if (!csv.Fill())
            {
                return Fail(text, out reader, out error, new InputError(1, null, "the file is empty; a header row is required"));
            }

            csv.delimiter = DetectDelimiter(csv.buffer.AsSpan(0, csv.length));
            if (!csv.TryReadRecord(out var header) || header.Values.All(string.IsNullOrWhiteSpace))
            {
                return Fail(text, out reader, out error, new InputError(1, null, "the file is empty; a header row is required"));
            }

            if (header.Error is { } headerError)
            {
                return Fail(text, out reader, out error, headerError);
            }

            var names = new string[header.Values.Length];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = header.Values[i]!.Trim();
                if (names[i].Length == 0)
                {
                    return Fail(text, out reader, out error, new InputError(1, null, $"header field {i + 1} is empty; every column needs a name"));
                }

                if (!seen.Add(names[i]))
                {
                    return Fail(text, out reader, out error, new InputError(1, names[i], "duplicate column name"));
                }
            }

            csv.columns = names;
            for (var i = 0; i < names.Length; i++)
            {
                csv.columnIndex[names[i]] = i;
            }

            reader = csv;
            error = default;
            return true;
        }
        catch (DecoderFallbackException)
        {
            return Fail(text, out reader, out error, new InputError(csv.line, null, "the file is not valid UTF-8"));
        }
    }

    private static bool Fail(TextReader text, out CsvRecordReader? reader, out InputError error, InputError problem)
    {
        text.Dispose();
        reader = null;
        error = problem;
        return false;
    }

    /// <summary>Semicolon when the header line has more semicolons than commas outside quotes; comma otherwise.</summary>
    public static char DetectDelimiter(ReadOnlySpan<char> start)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in start)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <inheritdoc />
    public IEnumerable<RawRecord> ReadRecords()
    {
        while (true)
        {
            RawRecord record;
            var invalidEncoding = false;
            try
            {
                if (!TryReadRecord(out record))
                {
                    yield break;
                }
            }
            catch (DecoderFallbackException)
            {
                invalidEncoding = true;
                record = default;
            }

            if (invalidEncoding)
            {
                yield return new RawRecord(line, [], new InputError(line, null, "the file is not valid UTF-8 here; reading stopped"));
                yield break;
            }

            if (record.Error is null && record.Values.Length != columns.Length)
            {
                record = record with { Error = FieldCountError(record) };
            }

            yield return record;
        }
    }

    private InputError FieldCountError(RawRecord record) => record.Values.Length < columns.Length
        ? new InputError(record.Line, columns[record.Values.Length], $"missing field: the row has {record.Values.Length} fields, the header has {columns.Length}")
        : new InputError(record.Line, null, $"the row has {record.Values.Length} fields, the header has {columns.Length}");

    private bool Fill()
    {
        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }

    private int Next()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position++];
    }

    private int Peek()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position];
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterClosingQuote,
    }

    /// <summary>Reads one record; blank lines are skipped; returns <see langword="false"/> at the end of the file.</summary>
    private bool TryReadRecord(out RawRecord record)
    {
        while (true)
        {
            fields.Clear();
            field.Clear();
            var startLine = line;
            var state = State.FieldStart;
            var sawAnything = false;
            while (true)
            {
                var next = Next();
                if (next == -1)
                {
                    if (state == State.Quoted)
                    {
                        record = new RawRecord(startLine, [.. fields], new InputError(startLine, ColumnName(fields.Count), "quoted field is not closed before the end of the file"));
                        return true;
                    }

                    if (!sawAnything)
                    {
                        record = default;
                        return false;
                    }

                    fields.Add(field.ToString());
                    record = new RawRecord(startLine, [.. fields], null);
                    return true;
                }

                var c = (char)next;
                if (state == State.Quoted)
                {
                    if (c == '"')
                    {
                        state = State.AfterClosingQuote;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (c is '\r' or '\n')
                {
                    EndOfLine(c);
                    if (!sawAnything)
                    {
                        break;
                    }

                    fields.Add(field.ToString());
                    record = new RawRecord(startLine, [.. fields], null);
                    return true;
                }

                sawAnything = true;
                if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                    continue;
                }

                switch (state)
                {
                    case State.FieldStart when c == '"':
                        state = State.Quoted;
                        break;
                    case State.FieldStart or State.Unquoted when c == '"':
                        record = Malformed(startLine, "a quote inside an unquoted field; quote the whole field and double the inner quote");
                        return true;
                    case State.FieldStart or State.Unquoted:
                        field.Append(c);
                        state = State.Unquoted;
                        break;
                    case State.AfterClosingQuote when c == '"':
                        field.Append('"');
                        state = State.Quoted;
                        break;
                    default:
                        record = Malformed(startLine, $"unexpected '{c}' after a closing quote");
                        return true;
                }
            }
        }
    }

    private string? ColumnName(int index) => index < columns.Length ? columns[index] : columns.Length == 0 ? null : $"#{index + 1}";

    private void EndOfLine(char c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            position++;
        }

        line++;
    }

    /// <summary>Reports a broken record and skips the rest of its physical line so the next record can be read.</summary>
    private RawRecord Malformed(long startLine, string reason)
    {
        var column = ColumnName(fields.Count);
        var errorLine = line;
        while (true)
        {
            var next = Next();
            if (next == -1)
            {
                break;
            }

            if (next is '\r' or '\n')
            {
                EndOfLine((char)next);
                break;
            }
        }

        return new RawRecord(startLine, [.. fields], new InputError(errorLine, column, reason));
    }

    /// <inheritdoc />
    public void Dispose() => reader.Dispose();
}
