namespace Nps.Data;

/// <summary>
/// One record as read, before meaning is given to its values: per column, a UTF-8 span into the reader's buffer
/// (valid until the next read) or nothing when absent. Reused from record to record, so reading allocates nothing
/// per record.
/// </summary>
internal sealed class RawRecord
{
    private int[] _offsets = new int[16];
    private int[] _lengths = new int[16];
    private byte[] _data = [];
    private int _base;
    private byte[] _scratch = new byte[256];
    private int _scratchLength;

    /// <summary>The physical line the record starts on.</summary>
    public long Line { get; set; }

    /// <summary>A structural problem (bad quoting, invalid UTF-8, invalid JSON), or null.</summary>
    public DataError? Error { get; set; }

    /// <summary>The number of fields read (CSV) or the highest column index present + 1 (JSON Lines).</summary>
    public int FieldCount { get; private set; }

    /// <summary>Starts a record; its values are set relative to the record's start and attached at its end.</summary>
    public void Reset(long line, int columns)
    {
        Line = line;
        Error = null;
        _data = [];
        _base = 0;
        _scratchLength = 0;
        FieldCount = 0;
        if (_lengths.Length < columns)
        {
            Array.Resize(ref _offsets, columns);
            Array.Resize(ref _lengths, columns);
        }

        _lengths.AsSpan().Fill(-1);
    }

    /// <summary>Says where the record's bytes are once it is complete (the buffer may have moved while reading it).</summary>
    public void Attach(byte[] data, int start)
    {
        _data = data;
        _base = start;
    }

    /// <summary>Sets column <paramref name="column"/> to the record's bytes [offset, offset + length).</summary>
    public void Set(int column, int offset, int length)
    {
        Grow(column);
        _offsets[column] = offset;
        _lengths[column] = length;
        FieldCount = Math.Max(FieldCount, column + 1);
    }

    /// <summary>Sets column <paramref name="column"/> to a copy of <paramref name="value"/> kept in the record's scratch.</summary>
    public void SetCopy(int column, ReadOnlySpan<byte> value)
    {
        var target = AppendScratch(value.Length);
        value.CopyTo(target);
        SetScratch(column, _scratchLength - value.Length, value.Length);
    }

    /// <summary>Room for <paramref name="length"/> bytes at the end of the scratch, to unescape into.</summary>
    public Span<byte> AppendScratch(int length)
    {
        if (_scratchLength + length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + length));
        }

        var span = _scratch.AsSpan(_scratchLength, length);
        _scratchLength += length;
        return span;
    }

    /// <summary>Gives back the unused end of the last <see cref="AppendScratch"/>.</summary>
    public void TrimScratch(int unused) => _scratchLength -= unused;

    /// <summary>The scratch length (where the next <see cref="AppendScratch"/> starts).</summary>
    public int ScratchLength => _scratchLength;

    /// <summary>Sets column <paramref name="column"/> to scratch[offset..offset+length].</summary>
    public void SetScratch(int column, int offset, int length)
    {
        Grow(column);
        _offsets[column] = ~offset;
        _lengths[column] = length;
        FieldCount = Math.Max(FieldCount, column + 1);
    }

    /// <summary>Whether column <paramref name="column"/> has a value (possibly empty).</summary>
    public bool Has(int column) => (uint)column < (uint)FieldCount && _lengths[column] >= 0;

    /// <summary>The value of column <paramref name="column"/>; empty when absent.</summary>
    public ReadOnlySpan<byte> this[int column]
    {
        get
        {
            if (!Has(column))
            {
                return default;
            }

            var offset = _offsets[column];
            return offset >= 0 ? _data.AsSpan(_base + offset, _lengths[column]) : _scratch.AsSpan(~offset, _lengths[column]);
        }
    }

    /// <summary>The largest scratch this record has needed (for the bounded-memory tests).</summary>
    public int ScratchCapacity => _scratch.Length;

    private void Grow(int column)
    {
        if (column < _lengths.Length)
        {
            return;
        }

        var size = Math.Max(_lengths.Length * 2, column + 1);
        var old = _lengths.Length;
        Array.Resize(ref _offsets, size);
        Array.Resize(ref _lengths, size);
        _lengths.AsSpan(old).Fill(-1);
    }
}
