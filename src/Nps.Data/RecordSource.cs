using System.Globalization;
using System.Text.Unicode;

namespace Nps.Data;

/// <summary>
/// Splits a byte stream into records (CSV or JSON Lines) with their physical line numbers. Never buffers more
/// than one record (at most the maximum record size); every problem is a record with an error, never an exception.
/// </summary>
internal abstract class RecordSource : IDisposable
{
    private readonly Stream _stream;

    protected RecordSource(Stream stream, int maxRecordSize, long firstLine)
    {
        _stream = stream;
        MaxRecordSize = maxRecordSize;
        Window = new ByteWindow(stream, maxRecordSize + 8);
        Line = firstLine;
    }

    protected ByteWindow Window { get; }

    protected int MaxRecordSize { get; }

    /// <summary>Bytes of the record last returned, consumed on the next read.</summary>
    protected int Pending { get; set; }

    /// <summary>Whether the rest of the current physical line must be skipped before the next record.</summary>
    protected bool SkipRestOfLine { get; set; }

    /// <summary>The physical line the next record starts on.</summary>
    public long Line { get; protected set; }

    /// <summary>The columns: the header (CSV) or the keys met so far (JSON Lines).</summary>
    public ColumnSet Columns { get; } = new();

    /// <summary>The largest buffer held so far (bounded by the maximum record size).</summary>
    public int BufferHighWaterMark => Window.HighWaterMark;

    /// <summary>The absolute stream position where the next record starts.</summary>
    public long Position => Window.Position + Pending;

    /// <summary>Reads what must come before the records (a CSV header); false with the error when the file cannot be read.</summary>
    public abstract bool TryReadHeader(out DataError error);

    /// <summary>Reads the next record into <paramref name="record"/>; false at the end of the file.</summary>
    public abstract bool Read(RawRecord record);

    public void Dispose() => _stream.Dispose();

    protected void ConsumePending()
    {
        Window.Start += Pending;
        Pending = 0;
    }

    /// <summary>Discards bytes through the next line feed (or to the end); false when the data ended first.</summary>
    protected bool SkipLine()
    {
        SkipRestOfLine = false;
        while (true)
        {
            var span = Window.Buffer.AsSpan(Window.Start, Window.End - Window.Start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Window.Start += newline + 1;
                Line++;
                return true;
            }

            Window.Start = Window.End;
            if (Window.Fill() != ByteWindow.FillResult.Read)
            {
                return false;
            }
        }
    }

    /// <summary>The error for a record that grew past the maximum record size.</summary>
    protected DataError TooLong(long line, string? field) => new(line, field, string.Create(CultureInfo.InvariantCulture,
        $"the record is longer than the maximum record size of {MaxRecordSize:N0} bytes (is a quote left open?)"));

    /// <summary>The index of the first byte of <paramref name="bytes"/> that is not valid UTF-8, or -1.</summary>
    protected static int FindInvalidUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes) ? -1 : FirstInvalid(bytes);

    /// <summary>
    /// The error for invalid UTF-8 at <paramref name="index"/> of a record: on the physical line of that byte (the
    /// record's start line plus the line feeds before it), in its column.
    /// </summary>
    protected static DataError InvalidUtf8(ReadOnlySpan<byte> bytes, int index, long startLine, string? field) =>
        new(startLine + bytes[..index].Count((byte)'\n'), field, string.Create(CultureInfo.InvariantCulture,
            $"the text is not valid UTF-8 (byte 0x{bytes[index]:X2}); save the file as UTF-8"));

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return bytes.Length - 1;
    }
}
