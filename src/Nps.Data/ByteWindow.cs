namespace Nps.Data;

/// <summary>
/// A window over a stream of bytes: <see cref="Start"/> is where the current record begins, <see cref="End"/>
/// where the data read so far ends. <see cref="Fill"/> moves the current record to the front and reads more,
/// growing the buffer only up to a fixed capacity (the maximum record size plus a little), so memory never depends
/// on the file.
/// </summary>
internal sealed class ByteWindow(Stream stream, int capacity, int initialSize = ByteWindow.DefaultInitialSize)
{
    public const int DefaultInitialSize = 1 << 16;

    private readonly int _capacity = capacity;

    public enum FillResult
    {
        Read,
        EndOfStream,
        Full,
    }

    public byte[] Buffer { get; private set; } = new byte[Math.Min(initialSize, capacity)];

    public int Start { get; set; }

    public int End { get; private set; }

    /// <summary>The absolute position of <see cref="Start"/> in the stream.</summary>
    public long Position => _bufferOrigin + Start;

    /// <summary>The absolute stream position of <c>Buffer[0]</c> (bytes keep their absolute position when the buffer moves).</summary>
    public long Origin => _bufferOrigin;

    /// <summary>Whether the stream has ended (all of it is in the buffer).</summary>
    public bool AtEnd { get; private set; }

    /// <summary>The largest buffer this window has held, in bytes.</summary>
    public int HighWaterMark => Buffer.Length;

    private long _bufferOrigin;

    /// <summary>Reads more bytes after <see cref="End"/>, keeping [Start, End).</summary>
    public FillResult Fill()
    {
        if (AtEnd)
        {
            return FillResult.EndOfStream;
        }

        if (Start > 0)
        {
            Buffer.AsSpan(Start, End - Start).CopyTo(Buffer);
            _bufferOrigin += Start;
            End -= Start;
            Start = 0;
        }

        if (End == Buffer.Length)
        {
            if (Buffer.Length >= _capacity)
            {
                return FillResult.Full;
            }

            var grown = new byte[Math.Min(_capacity, Buffer.Length * 2)];
            Buffer.AsSpan(0, End).CopyTo(grown);
            Buffer = grown;
        }

        var read = stream.Read(Buffer, End, Buffer.Length - End);

        if (read == 0)
        {
            AtEnd = true;
            return FillResult.EndOfStream;
        }

        End += read;
        return FillResult.Read;
    }

    /// <summary>Makes sure the byte at Start + <paramref name="offset"/> is in the buffer; false at the end of the data (or when full).</summary>
    public bool Ensure(int offset, out FillResult result)
    {
        result = FillResult.Read;
        while (Start + offset >= End)
        {
            result = Fill();
            if (result != FillResult.Read)
            {
                return false;
            }
        }

        return true;
    }
}
