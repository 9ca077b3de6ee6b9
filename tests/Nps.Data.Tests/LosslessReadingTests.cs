using System.Text;

namespace Nps.Data.Tests;

public sealed class LosslessReadingTests
{
    private const string Header = "response_id,customer_id,responded_at,rating,team,comment\n";

    private static string Row(int i) => $"R{i},C{i},2026-03-14T10:00:00+01:00,{i % 11},Team {i % 3},\"ok, {i}\"\n";

    /// <summary>A CSV of <paramref name="rows"/> rows (lines 2..rows+1) with byte 0xFF inside the comment of the row on <paramref name="badLine"/>.</summary>
    private static byte[] CsvWithInvalidByte(int rows, int badLine)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.GetBytes(Header));
        for (var i = 1; i <= rows; i++)
        {
            var row = Encoding.UTF8.GetBytes(Row(i));
            if (i + 1 == badLine) row[^3] = 0xFF;
            stream.Write(row);
        }

        return stream.ToArray();
    }

    [Fact]
    public void Read_InvalidUtf8MidCsvStrict_StopsAtTheExactLine()
    {
        var (responses, errors, reader) = TestData.ReadResponses(new MemoryStream(CsvWithInvalidByte(10_000, 5_002)), DataFormat.Csv, TestData.Options());

        Assert.Equal(5_000, responses.Count);
        var error = Assert.Single(errors);
        Assert.Equal("line 5002, column comment: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8", error.Message);
        Assert.Equal(error, reader.Failure);
    }

    [Fact]
    public void Read_InvalidUtf8MidCsvSkipping_RejectsThatRecordAndKeepsEveryOther()
    {
        var (responses, errors, reader) = TestData.ReadResponses(new MemoryStream(CsvWithInvalidByte(10_000, 5_002)), DataFormat.Csv, TestData.Options(skip: true));

        Assert.Equal(9_999, responses.Count);
        Assert.Equal(5_002, Assert.Single(errors).Line);
        Assert.Equal(1, reader.Rejected);
        Assert.DoesNotContain(responses, r => r.ResponseId == "R5001");
        Assert.Equal("R10000", responses[^1].ResponseId);
    }

    [Fact]
    public void Read_InvalidUtf8InsideAMultiLineQuotedField_NamesThePhysicalLineOfTheByte()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + Row(1) + "R2,C2,2026-03-14T10:00:00+01:00,9,A,\"first\nsecond X\"\n" + Row(3));
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3; // a lead byte without its continuation

        var (responses, errors, _) = TestData.ReadResponses(new MemoryStream(bytes), DataFormat.Csv, TestData.Options(skip: true));

        Assert.Equal(["R1", "R3"], responses.Select(r => r.ResponseId));
        Assert.Equal("line 4, column comment: the text is not valid UTF-8 (byte 0xC3); save the file as UTF-8", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData(false, 2_500)]
    [InlineData(true, 4_999)]
    public void Read_InvalidUtf8MidJsonLines_NamesTheLineAndSkipsOnlyIt(bool skip, int expected)
    {
        using var stream = new MemoryStream();
        for (var i = 1; i <= 5_000; i++)
        {
            var line = Encoding.UTF8.GetBytes($"{{\"response_id\":\"R{i}\",\"responded_at\":\"2026-03-14T10:00:00Z\",\"rating\":9,\"comment\":\"fine {i}\"}}\n");
            if (i == 2_501) line[^4] = 0xFE;
            stream.Write(line);
        }

        stream.Position = 0;
        var (responses, errors, _) = TestData.ReadResponses(stream, DataFormat.JsonLines, TestData.Options(skip));

        Assert.Equal(expected, responses.Count);
        Assert.Equal("line 2501, column comment: the text is not valid UTF-8 (byte 0xFE); save the file as UTF-8", Assert.Single(errors).Message);
    }

    [Fact]
    public void Read_UnclosedQuoteInALargeFile_ErrorAtStartLineResumesOnNextLineWithBoundedBuffer()
    {
        const int maxRecordSize = 64 * 1024;
        var text = new StringBuilder(Header).Append(Row(1)).Append("R2,C2,2026-03-14T10:00:00+01:00,9,A,\"never closed\n");
        for (var i = 3; i <= 100_002; i++) text.Append(Row(i).Replace("\"", "", StringComparison.Ordinal).Replace("ok, ", "ok ", StringComparison.Ordinal));

        var strict = TestData.ReadResponses(TestData.Utf8(text.ToString()), DataFormat.Csv, TestData.Options(maxRecordSize: maxRecordSize));
        var skipping = TestData.ReadResponses(TestData.Utf8(text.ToString()), DataFormat.Csv, TestData.Options(skip: true, maxRecordSize: maxRecordSize));

        Assert.Equal("line 3, column comment: the record is longer than the maximum record size of 65,536 bytes (is a quote left open?)",
            Assert.Single(strict.Errors).Message);
        Assert.Single(strict.Responses);
        Assert.Equal(100_001, skipping.Responses.Count);
        Assert.Equal(3, Assert.Single(skipping.Errors).Line);
        Assert.InRange(skipping.Reader.BufferHighWaterMark, 1, maxRecordSize + 64);
        Assert.True(text.Length > 50 * maxRecordSize);
    }

    [Fact]
    public void Read_QuoteStillOpenAtEndOfFile_ErrorAtStartLineAndLaterLinesReadAgain()
    {
        var text = Header + Row(1) + "R2,C2,2026-03-14T10:00:00+01:00,9,A,\"open\nR3,C3,2026-03-14T10:00:00+01:00,7,B,fine\n";

        var (responses, errors, _) = TestData.ReadResponses(text, skip: true);

        Assert.Equal("line 3, column comment: quoted field is not closed before the end of the file", Assert.Single(errors).Message);
        Assert.Equal(["R1", "R3"], responses.Select(r => r.ResponseId));
    }

    [Fact]
    public void Read_LongUnquotedLineSkipping_ResumesOnTheNextLine()
    {
        var text = Header + Row(1) + "R2,C2,2026-03-14T10:00:00+01:00,9,A," + new string('x', 5_000) + "\n" + Row(3);

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8(text), DataFormat.Csv, TestData.Options(skip: true, maxRecordSize: 1024));

        Assert.Equal(3, Assert.Single(errors).Line);
        Assert.Equal(["R1", "R3"], responses.Select(r => r.ResponseId));
    }

    [Fact]
    public void Read_LongJsonLineSkipping_ResumesOnTheNextLine()
    {
        var text = "{\"rating\":1,\"responded_at\":\"2026-03-14T10:00:00Z\"}\n{\"rating\":2,\"comment\":\"" + new string('x', 5_000) + "\"}\n{\"rating\":3,\"responded_at\":\"2026-03-14T10:00:00Z\"}\n";

        var (responses, errors, _) = TestData.ReadResponses(TestData.Utf8(text), DataFormat.JsonLines, TestData.Options(skip: true, maxRecordSize: 1024));

        Assert.Equal("line 2: the record is longer than the maximum record size of 1,024 bytes (is a quote left open?)", Assert.Single(errors).Message);
        Assert.Equal([1, 3], responses.Select(r => (int)r.Rating.Value));
        Assert.Equal(["line-1", "line-3"], responses.Select(r => r.ResponseId));
    }

    [Theory]
    [InlineData(DataFormat.Csv)]
    [InlineData(DataFormat.JsonLines)]
    public void Read_WhitespaceOnlyLines_AreBlank(DataFormat format)
    {
        var text = format == DataFormat.Csv
            ? "rating,responded_at\n   \n9,2026-03-14T10:00:00Z\n\t \r\n\n8,2026-03-14T10:00:00Z\n  "
            : "  \n{\"rating\":9,\"responded_at\":\"2026-03-14T10:00:00Z\"}\n\t \r\n{\"rating\":8,\"responded_at\":\"2026-03-14T10:00:00Z\"}\n ";

        var (responses, errors, reader) = TestData.ReadResponses(text, format);

        Assert.Empty(errors);
        Assert.Equal(2, reader.Records);
        Assert.Equal(format == DataFormat.Csv ? ["line-3", "line-6"] : ["line-2", "line-4"], responses.Select(r => r.ResponseId));
    }

    [Fact]
    public void Read_EveryErrorIsCountedOnce_RejectedEqualsReportedRecords()
    {
        var text = Header + Row(1) + "R2,C2,2026-03-14T10:00:00+01:00,11,A,x\nR3,C3,x,9,A,x\nR1,C4,2026-03-14T10:00:00+01:00,9,A,x\nR5,C5,2026-03-14T10:00:00+01:00,9,A\"q,x\n" + Row(6);
        var reported = new List<DataError>();

        Assert.True(SurveyResponseReader.TryOpen(TestData.Utf8(text), DataFormat.Csv, TestData.Options(skip: true), out var reader, out _));
        var responses = reader!.ReadAll(reported.Add).ToList();

        Assert.Equal(["R1", "R6"], responses.Select(r => r.ResponseId));
        Assert.Equal(reader.Rejected, reported.Count);
        Assert.Equal([3L, 4, 5, 6], reported.Select(e => e.Line));
        Assert.Equal("line 5, column response_id: duplicate response_id 'R1' (first seen on line 2)", reported[2].Message);
    }
}
