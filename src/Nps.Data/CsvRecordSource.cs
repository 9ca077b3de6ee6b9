using System.Buffers;
using System.Globalization;
using System.Runtime.Intrinsics;

namespace Nps.Data;

/// <summary>
/// RFC 4180 over UTF-8 bytes: a header row, quoted fields with doubled quotes and embedded line breaks, and a
/// delimiter (<c>,</c> <c>;</c> or tab) detected from the header. Fields are found with a vectorised search for
/// the four bytes that matter; values stay in the buffer unless a doubled quote must be undone.
/// </summary>
internal sealed class CsvRecordSource : RecordSource
{
    private const byte Quote = (byte)'"';

    private readonly RawRecord _header = new();
    private SearchValues<byte> _stops = SearchValues.Create(",\"\r\n"u8);
    private byte _delimiter = (byte)',';

    // The stops (delimiter, quote, CR, LF) of one 64-byte block as bits, keyed by the block's absolute stream
    // position: the fields of a record are found by shifting the mask instead of searching again from each field.
    private long _maskBase = long.MinValue;
    private ulong _mask;

    public CsvRecordSource(Stream stream, int maxRecordSize, long firstLine = 1)
        : base(stream, maxRecordSize, firstLine)
    {
    }

    /// <summary>The delimiter in use.</summary>
    public char Delimiter => (char)_delimiter;

    /// <summary>Uses <paramref name="delimiter"/> and <paramref name="header"/> without reading a header (for a chunk of a file).</summary>
    public void UseHeader(char delimiter, ColumnSet header)
    {
        SetDelimiter((byte)delimiter);
        Columns.MapLike(header);
        foreach (var name in header.Names)
        {
            Columns.Add(name);
        }
    }

    public override bool TryReadHeader(out DataError error)
    {
        // Fill until the first line is in the buffer (or the buffer is full), to detect the delimiter.
        while (Window.Buffer.AsSpan(Window.Start, Window.End - Window.Start).IndexOf((byte)'\n') < 0 && Window.Fill() == ByteWindow.FillResult.Read)
        {
        }

        SetDelimiter(DetectDelimiter(Window.Buffer.AsSpan(Window.Start, Window.End - Window.Start)));
        if (!Read(_header))
        {
            error = new DataError(1, null, "the file is empty; a header row is required");
            return false;
        }

        if (_header.Error is { } problem)
        {
            error = problem;
            return false;
        }

        for (var i = 0; i < _header.FieldCount; i++)
        {
            var name = System.Text.Encoding.UTF8.GetString(Utf8Text.Trim(_header[i]));
            if (name.Length == 0)
            {
                error = new DataError(_header.Line, null, string.Create(CultureInfo.InvariantCulture, $"header field {i + 1} is empty; every column needs a name"));
                return false;
            }

            if (Columns.Add(name) < 0)
            {
                error = new DataError(_header.Line, name, "duplicate column name");
                return false;
            }
        }

        error = default;
        return true;
    }

    /// <summary>The delimiter of the header line: whichever of <c>,</c> <c>;</c> and tab occurs most outside quotes (comma on a tie).</summary>
    public static byte DetectDelimiter(ReadOnlySpan<byte> start)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var b in start)
        {
            if (b == Quote)
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (b is (byte)'\n' or (byte)'\r')
                {
                    break;
                }

                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }

        return tabs > commas && tabs > semicolons ? (byte)'\t' : semicolons > commas ? (byte)';' : (byte)',';
    }

    private void SetDelimiter(byte delimiter)
    {
        _delimiter = delimiter;
        _stops = SearchValues.Create([delimiter, Quote, (byte)'\r', (byte)'\n']);
        _maskBase = long.MinValue;
    }

    /// <summary>The distance from buffer index <paramref name="from"/> to the next stop before <paramref name="end"/>, or -1.</summary>
    private int NextStop(int from, int end)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return Window.Buffer.AsSpan(from, end - from).IndexOfAny(_stops);
        }

        var origin = Window.Origin;
        var at = origin + from;
        while (true)
        {
            var offset = at - _maskBase;
            if ((ulong)offset < 64)
            {
                var bits = _mask >> (int)offset;
                if (bits != 0)
                {
                    return (int)(at - origin - from) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                }

                at = _maskBase + 64;
            }

            var index = (int)(at - origin);
            if (index + 64 > end)
            {
                var rest = Window.Buffer.AsSpan(index, end - index).IndexOfAny(_stops);
                return rest < 0 ? -1 : index - from + rest;
            }

            _maskBase = at;
            _mask = StopMask(Window.Buffer.AsSpan(index, 64));
        }
    }

    private ulong StopMask(ReadOnlySpan<byte> block)
    {
        var low = Vector256.Create(block);
        var high = Vector256.Create(block[32..]);
        var delimiter = Vector256.Create(_delimiter);
        var quote = Vector256.Create(Quote);
        var cr = Vector256.Create((byte)'\r');
        var lf = Vector256.Create((byte)'\n');
        var lowStops = Vector256.Equals(low, delimiter) | Vector256.Equals(low, quote) | Vector256.Equals(low, cr) | Vector256.Equals(low, lf);
        var highStops = Vector256.Equals(high, delimiter) | Vector256.Equals(high, quote) | Vector256.Equals(high, cr) | Vector256.Equals(high, lf);
        return lowStops.ExtractMostSignificantBits() | ((ulong)highStops.ExtractMostSignificantBits() << 32);
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

            var outcome = ReadOne(record);
            if (outcome != Outcome.Blank)
            {
                return outcome == Outcome.Record;
            }
        }
    }

    private enum Outcome
    {
        Record,
        Blank,
        End,
    }

    private enum Scan
    {
        Ok,
        EndOfData,
        TooLong,
    }

    private Outcome ReadOne(RawRecord record)
    {
        var w = Window;
        if (!w.Ensure(0, out _))
        {
            return Outcome.End;
        }

        var startLine = Line;
        record.Reset(startLine, Columns.Count);
        var rel = 0;
        var newlines = 0;
        var firstNewline = -1;
        var field = 0;
        var sawQuote = false;
        while (true)
        {
            // At the start of a field.
            var scan = EnsureAt(rel);
            if (scan == Scan.TooLong)
            {
                return TooLongRecord(record, startLine, field, firstNewline, rel);
            }

            if (scan == Scan.EndOfData)
            {

                // The data ended right after a delimiter: the last field is empty.
                record.Set(field, rel, 0);
                return Finish(record, startLine, rel, rel, newlines, sawQuote);
            }

            if (w.Buffer[w.Start + rel] == Quote)
            {
                sawQuote = true;
                rel++;
                var contentStart = rel;
                var escaped = false;
                while (true)
                {
                    var span = w.Buffer.AsSpan(w.Start + rel, w.End - w.Start - rel);
                    var quote = span.IndexOf(Quote);
                    var searched = quote < 0 ? span : span[..quote];
                    var lineFeeds = searched.Count((byte)'\n');
                    if (lineFeeds > 0 && firstNewline < 0)
                    {
                        firstNewline = rel + searched.IndexOf((byte)'\n');
                    }

                    newlines += lineFeeds;
                    if (quote < 0)
                    {
                        rel += span.Length;
                        scan = EnsureAt(rel);
                        if (scan == Scan.TooLong)
                        {
                            return TooLongRecord(record, startLine, field, firstNewline, rel);
                        }

                        if (scan == Scan.EndOfData)
                        {

                            return Unclosed(record, startLine, field, firstNewline, rel);
                        }

                        continue;
                    }

                    rel += quote + 1;
                    scan = EnsureAt(rel);
                    if (scan == Scan.TooLong)
                    {
                        return TooLongRecord(record, startLine, field, firstNewline, rel);
                    }

                    if (scan == Scan.EndOfData)
                    {
                        SetQuoted(record, field, contentStart, rel - 1, escaped);
                        return Finish(record, startLine, rel, rel, newlines, sawQuote);
                    }

                    var next = w.Buffer[w.Start + rel];
                    if (next == Quote)
                    {
                        escaped = true;
                        rel++;
                        continue;
                    }

                    SetQuoted(record, field, contentStart, rel - 1, escaped);
                    if (next == _delimiter)
                    {
                        rel++;
                        field++;
                        break;
                    }

                    if (next is (byte)'\n' or (byte)'\r')
                    {
                        return EndOfLine(record, startLine, rel, newlines, sawQuote);
                    }

                    return Malformed(record, startLine + newlines, field, rel, newlines,
                        $"unexpected '{Utf8Text.Show([next])}' after a closing quote");
                }

                continue;
            }

            // An unquoted field: up to the next delimiter, quote or line break.
            var fieldStart = rel;
            while (true)
            {
                var stop = NextStop(w.Start + rel, w.End);
                if (stop < 0)
                {
                    rel = w.End - w.Start;
                    scan = EnsureAt(rel);
                    if (scan == Scan.TooLong)
                    {
                        return TooLongRecord(record, startLine, field, firstNewline, rel);
                    }

                    if (scan == Scan.EndOfData)
                    {

                        record.Set(field, fieldStart, rel - fieldStart);
                        return Finish(record, startLine, rel, rel, newlines, sawQuote);
                    }

                    continue;
                }

                rel += stop;
                var c = w.Buffer[w.Start + rel];
                if (c == _delimiter)
                {
                    record.Set(field, fieldStart, rel - fieldStart);
                    rel++;
                    field++;
                    break;
                }

                if (c == Quote)
                {
                    return Malformed(record, startLine + newlines, field, rel, newlines,
                        "a quote inside an unquoted field; quote the whole field and double the inner quote");
                }

                record.Set(field, fieldStart, rel - fieldStart);
                return EndOfLine(record, startLine, rel, newlines, sawQuote);
            }
        }
    }

    /// <summary>Makes the byte at <paramref name="rel"/> available, unless the record is already too long or the data ended.</summary>
    private Scan EnsureAt(int rel)
    {
        if (rel > MaxRecordSize)
        {
            return Scan.TooLong;
        }

        if (Window.Ensure(rel, out var fill))
        {
            return Scan.Ok;
        }

        return fill == ByteWindow.FillResult.Full ? Scan.TooLong : Scan.EndOfData;
    }

    private void SetQuoted(RawRecord record, int field, int contentStart, int contentEnd, bool escaped)
    {
        var content = Window.Buffer.AsSpan(Window.Start + contentStart, contentEnd - contentStart);
        if (!escaped)
        {
            record.Set(field, contentStart, content.Length);
            return;
        }

        var offset = record.ScratchLength;
        var target = record.AppendScratch(content.Length);
        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            target[length++] = content[i];
            if (content[i] == Quote)
            {
                i++; // the second of a doubled quote
            }
        }

        record.TrimScratch(content.Length - length);
        record.SetScratch(field, offset, length);
    }

    /// <summary>The record ends at the line break at <paramref name="rel"/>: consume it and finish.</summary>
    private Outcome EndOfLine(RawRecord record, long startLine, int rel, int newlines, bool sawQuote)
    {
        var end = rel;
        var terminator = 1;
        if (Window.Buffer[Window.Start + rel] == '\r' && EnsureAt(rel + 1) == Scan.Ok && Window.Buffer[Window.Start + rel + 1] == '\n')
        {
            terminator = 2;
        }

        return Finish(record, startLine, end, rel + terminator, newlines + 1, sawQuote);
    }

    private Outcome Finish(RawRecord record, long startLine, int end, int consumed, int newlines, bool sawQuote)
    {
        Pending = consumed;
        Line = startLine + newlines;
        record.Attach(Window.Buffer, Window.Start);
        var bytes = Window.Buffer.AsSpan(Window.Start, end);
        if (!sawQuote && bytes.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            return Outcome.Blank;
        }

        if (end > MaxRecordSize)
        {
            record.Error = TooLong(startLine, null);
            return Outcome.Record;
        }

        var invalid = FindInvalidUtf8(bytes);
        if (invalid >= 0)
        {
            record.Error = InvalidUtf8(bytes, invalid, startLine, ColumnAt(invalid));
            return Outcome.Record;
        }

        if (Columns.Count > 0 && record.FieldCount != Columns.Count)
        {
            record.Error = record.FieldCount < Columns.Count
                ? new DataError(startLine, Columns[record.FieldCount], string.Create(CultureInfo.InvariantCulture,
                    $"missing field: the row has {record.FieldCount} fields, the header has {Columns.Count}"))
                : new DataError(startLine, null, string.Create(CultureInfo.InvariantCulture,
                    $"the row has {record.FieldCount} fields, the header has {Columns.Count}"));
        }

        return Outcome.Record;
    }

    /// <summary>The column holding byte <paramref name="index"/> of the current record (counting delimiters outside quotes).</summary>
    private string? ColumnAt(int index)
    {
        var bytes = Window.Buffer.AsSpan(Window.Start, index);
        var field = 0;
        var quoted = false;
        foreach (var b in bytes)
        {
            if (b == Quote)
            {
                quoted = !quoted;
            }
            else if (!quoted && b == _delimiter)
            {
                field++;
            }
        }

        return ColumnName(field);
    }

    private string? ColumnName(int field) =>
        field < Columns.Count ? Columns[field] : Columns.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"#{field + 1}");

    /// <summary>A quoting error: reported on the line it is found on; the rest of that physical line is skipped.</summary>
    private Outcome Malformed(RawRecord record, long line, int field, int rel, int newlines, string reason)
    {
        record.Error = new DataError(line, ColumnName(field), reason);
        Pending = rel;
        Line = record.Line + newlines;
        SkipRestOfLine = true;
        return Outcome.Record;
    }

    /// <summary>A quoted field still open at the end of the data: an error at the start line; reading resumes on the next line.</summary>
    private Outcome Unclosed(RawRecord record, long startLine, int field, int firstNewline, int rel)
    {
        record.Error = new DataError(startLine, ColumnName(field), "quoted field is not closed before the end of the file");
        ResumeAfterStartLine(startLine, firstNewline, rel);
        return Outcome.Record;
    }

    /// <summary>A record past the maximum size: an error at the start line; reading resumes on the next line.</summary>
    private Outcome TooLongRecord(RawRecord record, long startLine, int field, int firstNewline, int rel)
    {
        record.Error = TooLong(startLine, ColumnName(field));
        ResumeAfterStartLine(startLine, firstNewline, rel);
        return Outcome.Record;
    }

    private void ResumeAfterStartLine(long startLine, int firstNewline, int rel)
    {
        if (firstNewline >= 0)
        {
            Pending = firstNewline + 1;
            Line = startLine + 1;
            return;
        }

        // The start line itself is longer than what was read: drop what was read and skip to its end.
        Pending = Math.Min(rel, Window.End - Window.Start);
        Line = startLine;
        SkipRestOfLine = true;
    }
}
