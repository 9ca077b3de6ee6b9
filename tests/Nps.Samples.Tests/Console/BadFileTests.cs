using System.Text;
using System.Text.Json;

namespace Nps.Samples.Tests.Console;

/// <summary>The bad files of issue 9 through the real <c>nps</c> commands: nothing is lost, every rejection is reported once.</summary>
public sealed class BadFileTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>10,000 rows (lines 2..10,001) with byte 0xFF in the team of the row on line 5,002.</summary>
    private string CsvWithInvalidByte()
    {
        var text = new StringBuilder("response_id,responded_at,rating,team\n");
        for (var i = 1; i <= 10_000; i++) text.Append($"R{i},2026-03-14T10:00:00Z,{i % 11},{(i == 5_001 ? "B#d" : "Good")}\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        return WriteBytes("invalid.csv", bytes);
    }

    [Fact]
    public void Report_InvalidUtf8MidFileStrict_NamesTheExactLine()
    {
        var run = CliRun.Of("report", CsvWithInvalidByte(), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 5002, column team: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8\n", run.Error);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Report_InvalidUtf8MidFileSkipping_KeepsEveryOtherRow(string threads)
    {
        var run = CliRun.Of("report", CsvWithInvalidByte(), "--skip-invalid", "--format", "json", "--threads", threads);

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, root.GetProperty("rejected").GetInt64());
        Assert.Equal(9_999, root.GetProperty("overall").GetProperty("count").GetInt64());
        Assert.Equal(
            "skipped: line 5002, column team: the text is not valid UTF-8 (byte 0xFF); save the file as UTF-8\nrejected 1 invalid row of 10,000\n",
            run.Error);
    }

    [Fact]
    public void Insights_InvalidUtf8InJsonLinesSkipping_RejectsOnlyThatLine()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 2_000; i++) text.Append($"{{\"response_id\":\"R{i}\",\"responded_at\":\"2026-03-14T10:00:00Z\",\"rating\":9,\"agent\":\"{(i == 1_000 ? "A#" : "A1")}\"}}\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC0;
        var path = WriteBytes("invalid.jsonl", bytes);

        var run = CliRun.Of("insights", path, "--skip-invalid", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("skipped: line 1000, column agent: the text is not valid UTF-8 (byte 0xC0); save the file as UTF-8\n", run.Error);
        Assert.Equal(1, JsonDocument.Parse(run.Out).RootElement.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public void Report_UnclosedQuoteThenManyRowsSkipping_ResumesOnTheNextLine()
    {
        var text = new StringBuilder("rating,responded_at,comment\n9,2026-03-14T10:00:00Z,fine\n9,2026-03-14T10:00:00Z,\"never closed\n");
        for (var i = 0; i < 20_000; i++) text.Append("7,2026-03-14T10:00:00Z,ok\n");
        var path = files.Write("unclosed.csv", text.ToString());

        var run = CliRun.Of("report", path, "--skip-invalid", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(20_001, JsonDocument.Parse(run.Out).RootElement.GetProperty("overall").GetProperty("count").GetInt64());
        Assert.Equal("skipped: line 3, column comment: quoted field is not closed before the end of the file\nrejected 1 invalid row of 20,002\n", run.Error);
    }

    [Fact]
    public void Report_WhitespaceLines_AreBlankNotErrors()
    {
        var path = files.Write("blank.csv", "rating,responded_at\n9,2026-03-14T10:00:00Z\n   \n\t\n8,2026-03-14T10:00:00Z\n");

        var run = CliRun.Of("report", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(2, JsonDocument.Parse(run.Out).RootElement.GetProperty("overall").GetProperty("count").GetInt64());
    }

    [Fact]
    public void Report_ControlCharactersInValues_EscapedInTheTable()
    {
        var path = files.Write("control.csv", "rating,responded_at,team\n9,2026-03-14T10:00:00Z,\"\u001b[2JEvil\tTeam\"\n");

        var run = CliRun.Of("report", path, "--by", "team", "--min-n", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("\\e[2JEvil\\tTeam", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FutureTime_IsADataErrorNamingTheField()
    {
        var path = files.Write("future.csv", "rating,responded_at\n9,9999-01-01T00:00:00+01:00\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: line 2, column responded_at: responded_at 9999-01-01T00:00:00+01:00 is in the future (more than 1 day after now, ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SurveyKindFoo_IsAnErrorNotASegment()
    {
        var path = files.Write("kind.csv", "rating,responded_at,survey_kind\n9,2026-03-14T10:00:00Z,foo\n");

        var run = CliRun.Of("report", path, "--by", "survey_kind");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 2, column survey_kind: survey_kind must be transactional or relational, got 'foo'\n", run.Error);
    }

    [Fact]
    public void Report_ThreadsZero_IsAUsageError()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--threads", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--threads must be at least 1, got 0", run.Error, StringComparison.Ordinal);
    }
}
