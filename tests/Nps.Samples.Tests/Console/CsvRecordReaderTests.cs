using System.Text;
using Nps.Samples.Console.Input;

namespace Nps.Samples.Tests.Console;

public sealed class CsvRecordReaderTests
{
    private static List<RawRecord> Read(string text, out CsvRecordReader reader, bool byteOrderMark = false)
    {
        var bytes = new UTF8Encoding(byteOrderMark).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        Assert.True(CsvRecordReader.TryOpen(new MemoryStream(bytes), out var opened, out var error), error.Message);
        reader = opened!;
        return reader.ReadRecords().ToList();
    }

    [Fact]
    public void ReadRecords_QuotedDelimiterQuoteAndNewline_OneField()
    {
        var records = Read("a,b\n\"x, \"\"y\"\"\nz\",2\r\n3,4", out var reader);

        Assert.Equal(["a", "b"], reader.Columns);
        Assert.Equal(2, records.Count);
        Assert.Equal("x, \"y\"\nz", records[0].Values[0]);
        Assert.Equal(2, records[0].Line);
        Assert.Equal(4, records[1].Line);
        Assert.Equal(["3", "4"], records[1].Values);
    }

    [Fact]
    public void TryOpen_SemicolonHeaderWithBom_DetectsSemicolon()
    {
        var records = Read("rating;comment\n9;goed, snel\n", out var reader, byteOrderMark: true);

        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(0, reader.IndexOf("RATING"));
        Assert.Equal("goed, snel", records[0].Values[1]);
    }

    [Fact]
    public void ReadRecords_BlankLines_Skipped()
    {
        var records = Read("a\n1\n\n\n2\n\n", out _);

        Assert.Equal([2L, 5L], records.Select(r => r.Line));
    }

    [Fact]
    public void ReadRecords_UnterminatedQuote_ErrorAtItsLine()
    {
        var records = Read("a,b\n1,\"open\n2,3\n", out _);

        Assert.Single(records);
        Assert.Equal("line 2, column b: quoted field is not closed before the end of the file", records[0].Error!.Value.Message);
    }

    [Fact]
    public void ReadRecords_QuoteInsideUnquotedField_ErrorThenNextRecordReads()
    {
        var records = Read("a,b\n1,x\"y\n2,3\n", out _);

        Assert.Equal("line 2, column b: a quote inside an unquoted field; quote the whole field and double the inner quote", records[0].Error!.Value.Message);
        Assert.Equal(["2", "3"], records[1].Values);
        Assert.Null(records[1].Error);
    }

    [Fact]
    public void ReadRecords_ExtraField_ErrorNamesCounts()
    {
        var records = Read("a,b\n1,2,3\n", out _);

        Assert.Equal("line 2: the row has 3 fields, the header has 2", records[0].Error!.Value.Message);
    }

    [Fact]
    public void TryOpen_DuplicateColumn_Fails()
    {
        Assert.False(CsvRecordReader.TryOpen(new MemoryStream("rating,team,Team\n"u8.ToArray()), out _, out var error));
        Assert.Equal("line 1, column Team: duplicate column name", error.Message);
    }

    [Fact]
    public void Report_InvalidUtf8_ExitsTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nps-invalid-utf8-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. "rating,team\n9,"u8, 0xC3, 0x28, (byte)'\n']);
        try
        {
            var run = CliRun.Of("report", path);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("not valid UTF-8", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("a,b;c", ',')]
    [InlineData("a;b;c,d", ';')]
    [InlineData("\"a;b\",c", ',')]
    [InlineData("single", ',')]
    public void DetectDelimiter_CountsOutsideQuotes(string header, char expected)
    {
        Assert.Equal(expected, CsvRecordReader.DetectDelimiter(header));
    }
}
