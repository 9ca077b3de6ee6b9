using System.Text;

namespace Nps.Data.Tests;

public sealed class FormatDetectionTests
{
    private const string Rows = "rating{0}responded_at{0}team\n9{0}2026-03-14T10:00:00+01:00{0}\"A{0} B\"\n6{0}2026-03-14T11:00:00+01:00{0}C\n";

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    public void Read_Delimiter_DetectedFromTheHeader(string delimiter)
    {
        var (responses, errors, _) = TestData.ReadResponses(string.Format(System.Globalization.CultureInfo.InvariantCulture, Rows, delimiter));

        Assert.Empty(errors);
        Assert.Equal([$"A{delimiter} B", "C"], responses.Select(r => r.Team));
    }

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le", "utf-16be"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_Encoding_DetectedFromTheByteOrderMark(string name)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Rows, ";").Replace("C\n", "Café ☕\n", StringComparison.Ordinal);
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        var (responses, errors, _) = TestData.ReadResponses(new MemoryStream(bytes), DataFormat.Csv, TestData.Options());

        Assert.Empty(errors);
        Assert.Equal(["A; B", "Café ☕"], responses.Select(r => r.Team));
    }

    [Fact]
    public void Read_InvalidUtf16_ReportedNotReplaced()
    {
        var encoding = new UnicodeEncoding(false, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("rating,responded_at,team\n9,2026-03-14T10:00:00Z,A\n8,2026-03-14T10:00:00Z,"))
            .Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).Concat(encoding.GetBytes("\n7,2026-03-14T10:00:00Z,C\n")).ToArray();

        var (responses, errors, _) = TestData.ReadResponses(new MemoryStream(bytes), DataFormat.Csv, TestData.Options(skip: true));

        Assert.Equal("line 3, column team: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8", Assert.Single(errors).Message);
        Assert.Equal(["A", "C"], responses.Select(r => r.Team));
    }

    [Fact]
    public void TryOpen_HeaderWithoutRating_FailsNamingIt()
    {
        Assert.False(SurveyResponseReader.TryOpen(TestData.Utf8("team,score\nA,9\n"), DataFormat.Csv, TestData.Options(), out _, out var error));
        Assert.Equal("line 1: the header has no 'rating' column", error.Message);
    }

    [Fact]
    public void TryOpen_EmptyFile_FailsNamingIt()
    {
        Assert.False(SurveyResponseReader.TryOpen(TestData.Utf8(" \n"), DataFormat.Csv, TestData.Options(), out _, out var error));
        Assert.Equal("line 1: the file is empty; a header row is required", error.Message);
    }

    [Fact]
    public void Read_ColumnsMatchLoosely_CamelCaseJsonKeysAreTheSameColumns()
    {
        var (responses, errors, _) = TestData.ReadResponses(
            "{\"responseId\":\"R1\",\"customerId\":\"C1\",\"respondedAt\":\"2026-03-14T10:00:00Z\",\"rating\":9,\"isManual\":true,\"region\":\"north\"}\n",
            DataFormat.JsonLines);

        Assert.Empty(errors);
        var response = Assert.Single(responses);
        Assert.Equal(("R1", "C1", true), (response.ResponseId, response.RespondentId, response.IsManual));
        Assert.Equal("north", response.Attributes["region"]);
    }
}
