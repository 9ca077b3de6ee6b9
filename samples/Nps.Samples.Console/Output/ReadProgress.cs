using System.Globalization;

namespace Nps.Samples.Console.Output;

/// <summary>
/// A progress line for a long read on a terminal: percentage of the file and the time left, redrawn in place
/// (<c>\r</c>) at most every <see cref="Interval"/> and cleared by <see cref="Clear"/>. Only used when stderr is a
/// terminal (<see cref="CliContext.ShowProgress"/>), never in redirected output.
/// </summary>
public sealed class ReadProgress
{
    /// <summary>The shortest time between two redraws.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly long _length;
    private readonly TimeProvider _time;
    private readonly long _start;
    private long _lastDraw;
    private int _drawnWidth;

    /// <summary>Starts the clock for a read of <paramref name="length"/> bytes.</summary>
    /// <param name="writer">The terminal (stderr).</param>
    /// <param name="label">What is read, e.g. the file name.</param>
    /// <param name="length">The input size in bytes (positive).</param>
    /// <param name="time">The clock.</param>
    public ReadProgress(TextWriter writer, string label, long length, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        (_writer, _label, _length, _time) = (writer, label, length, time);
        _start = _lastDraw = time.GetTimestamp();
    }

    /// <summary>Records that <paramref name="bytesRead"/> bytes are read; redraws when <see cref="Interval"/> has passed.</summary>
    public void Report(long bytesRead)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_lastDraw, now) < Interval) return;
        _lastDraw = now;
        var fraction = Math.Clamp((double)bytesRead / _length, 0, 1);
        var elapsed = _time.GetElapsedTime(_start, now);
        var left = fraction > 0 ? TimeSpan.FromTicks((long)(elapsed.Ticks * (1 - fraction) / fraction)) : (TimeSpan?)null;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"reading {_label}: {fraction * 100:0}%{(left is { } l ? $", {Duration(l)} left" : "")}");
        _writer.Write("\r" + text.PadRight(_drawnWidth));
        _drawnWidth = text.Length;
        _writer.Flush();
    }

    /// <summary>Removes the progress line, if one was drawn.</summary>
    public void Clear()
    {
        if (_drawnWidth == 0) return;
        _writer.Write("\r" + new string(' ', _drawnWidth) + "\r");
        _writer.Flush();
        _drawnWidth = 0;
    }

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
}

/// <summary>A read-only stream that reports the bytes read to a <see cref="ReadProgress"/> and clears it when disposed.</summary>
internal sealed class ProgressStream(Stream inner, ReadProgress progress) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            progress.Clear();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        _read += read;
        progress.Report(_read);
        return read;
    }
}
