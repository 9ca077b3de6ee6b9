using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;

namespace Nps.Data;

/// <summary>
/// Turns a stream into UTF-8 bytes: a UTF-8 byte-order mark is dropped; a UTF-16 one (little or big endian)
/// makes the rest be transcoded to UTF-8, each unpaired surrogate written as the invalid byte 0xFF, so the UTF-8
/// check of the record it is in reports it at its line (rather than replacing it silently).
/// </summary>
internal static class Utf8Input
{
    /// <summary>The stream as UTF-8; <paramref name="transcoded"/> says whether it was UTF-16.</summary>
    public static Stream Open(Stream stream, out bool transcoded)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = new byte[3];
        var read = 0;
        while (read < start.Length)
        {
            var n = stream.Read(start, read, start.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        transcoded = false;
        if (read == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF)
        {
            return new PrefixedStream([], stream);
        }

        if (read >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        {
            transcoded = true;
            var bigEndian = start[0] == 0xFE;
            return new Utf16ToUtf8Stream(new PrefixedStream(start[2..read], stream), bigEndian);
        }

        return new PrefixedStream(start[..read], stream);
    }

    /// <summary>A read-only stream that yields some bytes already read, then the rest of another stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream source) : ReadOnlyStream(source)
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return Inner.Read(buffer);
        }

    }

    /// <summary>Transcodes UTF-16 to UTF-8 as it is read; an unpaired surrogate becomes the byte 0xFF.</summary>
    private sealed class Utf16ToUtf8Stream(Stream source, bool bigEndian) : ReadOnlyStream(source)
    {
        private readonly byte[] _input = new byte[1 << 15];
        private readonly char[] _chars = new char[(1 << 14) + 1];
        private readonly byte[] _output = new byte[((1 << 14) + 1) * 3];
        private int _inputLength;
        private int _outputStart;
        private int _outputEnd;
        private bool _ended;

        public override int Read(Span<byte> buffer)
        {
            while (_outputStart == _outputEnd)
            {
                if (_ended || !Decode())
                {
                    return 0;
                }
            }

            var n = Math.Min(buffer.Length, _outputEnd - _outputStart);
            _output.AsSpan(_outputStart, n).CopyTo(buffer);
            _outputStart += n;
            return n;
        }

        private bool Decode()
        {
            var read = Inner.Read(_input, _inputLength, _input.Length - _inputLength);
            _inputLength += read;
            var atEnd = read == 0;
            if (atEnd && _inputLength == 0)
            {
                _ended = true;
                return false;
            }

            var count = _inputLength / 2;
            for (var i = 0; i < count; i++)
            {
                var unit = _input.AsSpan(i * 2, 2);
                _chars[i] = (char)(bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(unit) : BinaryPrimitives.ReadUInt16LittleEndian(unit));
            }

            // Keep a high surrogate at the end of the data read so far for the next round (its pair may follow).
            var usable = count;
            if (!atEnd && usable > 0 && char.IsHighSurrogate(_chars[usable - 1]))
            {
                usable--;
            }

            var consumedBytes = usable * 2;
            _outputStart = 0;
            _outputEnd = 0;
            var chars = _chars.AsSpan(0, usable);
            while (!chars.IsEmpty)
            {
                var status = Utf8.FromUtf16(chars, _output.AsSpan(_outputEnd), out var charsRead, out var written, replaceInvalidSequences: false);
                _outputEnd += written;
                chars = chars[charsRead..];
                if (status == OperationStatus.InvalidData)
                {
                    _output[_outputEnd++] = 0xFF;
                    chars = chars[1..];
                }
            }

            if (atEnd && _inputLength % 2 == 1)
            {
                _output[_outputEnd++] = 0xFF; // an odd trailing byte
                consumedBytes = _inputLength;
            }

            _input.AsSpan(consumedBytes, _inputLength - consumedBytes).CopyTo(_input);
            _inputLength -= consumedBytes;
            _ended = atEnd && _inputLength == 0;
            return true;
        }

    }

    /// <summary>A forward-only, read-only stream over another, which it disposes.</summary>
    private abstract class ReadOnlyStream(Stream inner) : Stream
    {
        protected Stream Inner => inner;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public abstract override int Read(Span<byte> buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
