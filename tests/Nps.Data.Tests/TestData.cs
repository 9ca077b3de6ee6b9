using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Nps.Data.Tests;

/// <summary>Builds files in memory and reads them back.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static DataReaderOptions Options(bool skip = false, int maxRecordSize = DataReaderOptions.DefaultMaxRecordSize) => new()
    {
        SkipInvalid = skip,
        MaxRecordSize = maxRecordSize,
        Clock = new FakeTimeProvider(Now),
    };

    public static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static (List<SurveyResponse> Responses, List<DataError> Errors, SurveyResponseReader Reader) ReadResponses(
        Stream stream, DataFormat format, DataReaderOptions options)
    {
        Assert.True(SurveyResponseReader.TryOpen(stream, format, options, out var reader, out var openError), openError.Message);
        var responses = new List<SurveyResponse>();
        var errors = new List<DataError>();
        while (reader!.Read(out var response, out var error))
        {
            if (response is not null) responses.Add(response);
            if (error is { } e) errors.Add(e);
        }

        return (responses, errors, reader);
    }

    public static (List<SurveyResponse> Responses, List<DataError> Errors, SurveyResponseReader Reader) ReadResponses(string text, DataFormat format = DataFormat.Csv, bool skip = false) =>
        ReadResponses(Utf8(text), format, Options(skip));
}

/// <summary>A stream that hands out its bytes in the chunk sizes it is given (cycling), to move buffer boundaries.</summary>
internal sealed class ChunkedStream(byte[] data, int[] chunks) : Stream
{
    private int _position;
    private int _next;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var size = Math.Min(Math.Min(count, Math.Max(1, chunks[_next++ % chunks.Length])), data.Length - _position);
        data.AsSpan(_position, size).CopyTo(buffer.AsSpan(offset));
        _position += size;
        return size;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
