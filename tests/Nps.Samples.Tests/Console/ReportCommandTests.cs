using System.Text.Json;

namespace Nps.Samples.Tests.Console;

public sealed class ReportCommandTests : IDisposable
{
    private const string Header = "response_id,responded_at,rating,team\n";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Report_MainJobOnSampleData_PrintsQuarterPerTeam()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--by", "team", "--period", "quarter");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("Onboarding          2025-Q1", run.Out);
        Assert.Contains("Technical Support   2025-Q4", run.Out);
        Assert.Contains("(all)", run.Out);
    }

    [Fact]
    public void Report_JsonFormat_HasContractFieldNames()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--by", "team", "--period", "month", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(0.95, root.GetProperty("level").GetDouble());
        Assert.Equal("adjusted-wald", root.GetProperty("method").GetString());
        Assert.Equal(0, root.GetProperty("rejected").GetInt64());
        var overall = root.GetProperty("overall");
        foreach (var name in new[] { "dimensions", "count", "promoters", "passives", "detractors", "nps", "lower", "upper", "enoughData" })
        {
            Assert.True(overall.TryGetProperty(name, out _), name);
        }

        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(4 * 12 + 11, segments.Count); // Onboarding starts in February.
        var first = segments[0];
        Assert.Equal("Account Management", first.GetProperty("dimensions").GetProperty("team").GetString());
        Assert.Equal("2025-01", first.GetProperty("dimensions").GetProperty("period").GetString());
        Assert.Equal(
            first.GetProperty("count").GetInt64(),
            first.GetProperty("promoters").GetInt64() + first.GetProperty("passives").GetInt64() + first.GetProperty("detractors").GetInt64());
        Assert.True(overall.TryGetProperty("weightedNps", out _));
        Assert.Equal(overall.GetProperty("count").GetInt64(), segments.Sum(s => s.GetProperty("count").GetInt64()));
    }

    [Fact]
    public void Report_ManualSends_ExcludedUnlessIncluded()
    {
        var path = files.Write("manual.csv", "rating,manual\n10,true\n10,yes\n0,false\n");

        var excluded = JsonDocument.Parse(CliRun.Of("report", path, "--format", "json").Out).RootElement.GetProperty("overall");
        var included = JsonDocument.Parse(CliRun.Of("report", path, "--format", "json", "--include-manual").Out).RootElement.GetProperty("overall");

        Assert.Equal(1, excluded.GetProperty("count").GetInt64());
        Assert.Equal(-100, excluded.GetProperty("nps").GetDouble());
        Assert.Equal(2, excluded.GetProperty("manualSends").GetInt64());
        Assert.Equal(3, included.GetProperty("count").GetInt64());
        Assert.Equal(100.0 / 3, included.GetProperty("nps").GetDouble()); // full precision, never rounded
    }

    [Fact]
    public void Report_BelowMinN_EnoughDataFalse()
    {
        var path = files.Write("small.csv", "rating,team\n9,a\n9,a\n3,b\n");

        var root = JsonDocument.Parse(CliRun.Of("report", path, "--by", "team", "--min-n", "2", "--format", "json").Out).RootElement;

        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        Assert.True(segments[0].GetProperty("enoughData").GetBoolean());
        Assert.False(segments[1].GetProperty("enoughData").GetBoolean());
        Assert.Equal(-100, segments[1].GetProperty("nps").GetDouble());
    }

    [Fact]
    public void Report_RatingOf11_ExitsTwoNamingLineAndColumn()
    {
        var path = files.Write("eleven.csv", Header + "R1,2026-03-14T10:00:00+01:00,9,a\nR2,2026-03-14T10:00:00+01:00,11,a\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 3, column rating: rating must be an integer from 0 to 10, got '11'\n", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Report_EmptyFile_ExitsTwo()
    {
        var path = files.Write("empty.csv", "");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 1: the file is empty; a header row is required\n", run.Error);
    }

    [Fact]
    public void Report_EmptyJsonLinesFile_ExitsTwo()
    {
        var path = files.Write("empty.jsonl", "\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 1: the file is empty\n", run.Error);
    }

    [Fact]
    public void Report_HeaderOnly_ReportsZeroResponses()
    {
        var path = files.Write("header.csv", Header);

        var run = CliRun.Of("report", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var overall = JsonDocument.Parse(run.Out).RootElement.GetProperty("overall");
        Assert.Equal(0, overall.GetProperty("count").GetInt64());
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("nps").ValueKind);
        Assert.False(overall.GetProperty("enoughData").GetBoolean());
    }

    [Fact]
    public void Report_MalformedQuoting_ExitsTwoNamingLineAndColumn()
    {
        var path = files.Write("malformed.csv", Header + "R1,2026-03-14T10:00:00+01:00,9,\"Billing\"x\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 2, column team: unexpected 'x' after a closing quote\n", run.Error);
    }

    [Fact]
    public void Report_MissingField_ExitsTwoNamingLineAndColumn()
    {
        var path = files.Write("short.csv", Header + "R1,2026-03-14T10:00:00+01:00,9\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 2, column team: missing field: the row has 3 fields, the header has 4\n", run.Error);
    }

    [Fact]
    public void Report_DuplicateResponseId_ExitsTwo()
    {
        var path = files.Write("duplicate.csv", Header + "R1,2026-03-14T10:00:00Z,9,a\nR2,2026-03-14T10:00:00Z,9,a\nR1,2026-03-15T10:00:00Z,3,a\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 4, column response_id: duplicate response_id 'R1' (first seen on line 2)\n", run.Error);
    }

    [Fact]
    public void Report_TimeWithoutOffset_ExitsTwo()
    {
        var path = files.Write("local.csv", Header + "R1,2026-03-14T10:00:00,9,a\n");

        var run = CliRun.Of("report", path, "--period", "day");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: line 2, column responded_at: '2026-03-14T10:00:00' has no UTC offset; write it as e.g. 2026-03-14T10:00:00+01:00 or 2026-03-14T10:00:00Z\n",
            run.Error);
    }

    [Fact]
    public void Report_PeriodWithoutTimestamp_ExitsTwo()
    {
        var path = files.Write("no-time.csv", "rating\n9\n");

        var run = CliRun.Of("report", path, "--period", "month");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 2, column responded_at: responded_at is required to group by period\n", run.Error);
    }

    [Theory]
    [InlineData("weight", "0", "weight must be a number greater than 0, got '0'")]
    [InlineData("inclusion_probability", "1.5", "inclusion_probability must be a number greater than 0 and at most 1, got '1.5'")]
    [InlineData("manual", "maybe", "expected true/false, 1/0 or yes/no, got 'maybe'")]
    public void Report_InvalidOptionalColumn_ExitsTwo(string column, string value, string reason)
    {
        var path = files.Write("optional.csv", $"rating,{column}\n9,{value}\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: line 2, column {column}: {reason}\n", run.Error);
    }

    [Fact]
    public void Report_SkipInvalid_CountsAndReportsEachRow()
    {
        var path = files.Write("mixed.csv", Header +
            "R1,2026-03-14T10:00:00Z,9,a\n" +
            "R2,2026-03-14T10:00:00Z,11,a\n" +
            "R3,2026-03-14T10:00:00,9,a\n" +
            "R1,2026-03-14T10:00:00Z,9,a\n" +
            "R5,2026-03-14T10:00:00Z,2,a\n");

        var run = CliRun.Of("report", path, "--skip-invalid", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(3, root.GetProperty("rejected").GetInt64());
        Assert.Equal(2, root.GetProperty("overall").GetProperty("count").GetInt64());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("skipped: line 3, column rating:", lines[0]);
        Assert.StartsWith("skipped: line 4, column responded_at:", lines[1]);
        Assert.StartsWith("skipped: line 5, column response_id:", lines[2]);
        Assert.Equal("rejected 3 invalid rows of 5", lines[3]);
    }

    [Fact]
    public void Report_SemicolonCsvWithBom_DetectsDelimiter()
    {
        var path = files.Write("excel-nl.csv", "response_id;rating;team;comment\r\nR1;9;Billing;\"Goed, snel\"\r\nR2;3;Billing;Té duur\r\nR3;10;Sales;\r\n", byteOrderMark: true);

        var run = CliRun.Of("report", path, "--by", "team", "--format", "json", "--min-n", "1");

        Assert.Equal(0, run.ExitCode);
        var segments = JsonDocument.Parse(run.Out).RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal("Billing", segments[0].GetProperty("dimensions").GetProperty("team").GetString());
        Assert.Equal(2, segments[0].GetProperty("count").GetInt64());
        Assert.Equal("Sales", segments[1].GetProperty("dimensions").GetProperty("team").GetString());
    }

    [Fact]
    public void Report_QuotedNewlines_CountLinesPhysically()
    {
        var path = files.Write("multiline.csv", "rating,comment\n9,\"first line\nsecond \"\"quoted\"\" line\"\n12,\"x\"\n");

        var run = CliRun.Of("report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 4, column rating: rating must be an integer from 0 to 10, got '12'\n", run.Error);
    }

    [Fact]
    public void Report_JsonLinesSample_MatchesSameRowsAsCsv()
    {
        var run = CliRun.Of("report", SampleData.ResponsesJsonLines, "--by", "team", "--format", "json", "--include-manual");

        Assert.Equal(0, run.ExitCode);
        var overall = JsonDocument.Parse(run.Out).RootElement.GetProperty("overall");
        Assert.Equal(File.ReadLines(SampleData.ResponsesJsonLines).Count(), overall.GetProperty("count").GetInt64());
    }

    [Fact]
    public void Report_JsonLinesInvalidRow_NamesLineAndKey()
    {
        var path = files.Write("bad.jsonl", "{\"rating\":9}\n\n{\"rating\":\"ten\"}\n{\"rating\":9,\"team\":{\"a\":1}}\n{oops\n");

        var strict = CliRun.Of("report", path);
        var lenient = CliRun.Of("report", path, "--skip-invalid");

        Assert.Equal(2, strict.ExitCode);
        Assert.Equal("error: line 3, column rating: rating must be an integer from 0 to 10, got 'ten'\n", strict.Error);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("skipped: line 4, column team: nested objects and arrays are not supported; use a flat value", lenient.Error);
        Assert.Contains("skipped: line 5: invalid JSON at position 2", lenient.Error);
    }

    [Fact]
    public void Report_CsvFormat_OneRowPerSegmentAndOverall()
    {
        var path = files.Write("csv.csv", "rating,team\n9,\"a,b\"\n3,c\n");

        var run = CliRun.Of("report", path, "--by", "team", "--format", "csv", "--min-n", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "scope,team,count,promoters,passives,detractors,nps,lower,upper,enough_data,manual_sends,weighted_nps,weighted_lower,weighted_upper\n" +
            "segment,\"a,b\",1,1,0,0,100,",
            run.Out[..run.Out.IndexOf("100,", StringComparison.Ordinal)] + "100,");
        Assert.Contains("\noverall,,2,1,0,1,0,", run.Out);
    }

    [Fact]
    public void Report_CsvWithFormulaLikeValues_WrittenAsTextNumbersUntouched()
    {
        var path = files.Write("formula.csv", "rating,team\n9,\"=HYPERLINK(\"\"http://x\"\")\"\n9,+1\n0,-2\n0,@SUM(A1)\n9,\"\tx\"\n0,-12.5\n");

        var run = CliRun.Of("report", path, "--by", "team", "--format", "csv", "--min-n", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\nsegment,\"'=HYPERLINK(\"\"http://x\"\")\",1,1,0,0,100,", run.Out);
        Assert.Contains("\nsegment,\"'+1\",1,", run.Out);
        Assert.Contains("\nsegment,\"'-2\",1,0,0,1,-100,", run.Out);
        Assert.Contains("\nsegment,\"'@SUM(A1)\",1,", run.Out);
        Assert.Contains("\nsegment,\"'\tx\",1,", run.Out);
        Assert.Contains("\nsegment,\"'-12.5\",1,0,0,1,-100,", run.Out); // a text field, even when it looks like a number
        Assert.DoesNotContain("\n=", run.Out);
    }

    [Theory]
    [InlineData("--method", "bayes")]
    [InlineData("--period", "fortnight")]
    [InlineData("--format", "xml")]
    [InlineData("--level", "1.5")]
    [InlineData("--time-zone", "Mars/Olympus")]
    [InlineData("--by", "nope")]
    [InlineData("--by", "rating")]
    [InlineData("--unknown", "x")]
    public void Report_BadOption_ExitsOne(string option, string value)
    {
        var run = CliRun.Of("report", SampleData.Responses, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }

    [Fact]
    public void Report_MissingFile_ExitsOne()
    {
        var run = CliRun.Of("report", files.PathOf("missing.csv"));

        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("plan")]
    [InlineData("generate-sample-data")]
    [InlineData("simulate")]
    [InlineData("insights")]
    public void Help_EveryCommand_ExitsZero(string command)
    {
        var run = CliRun.Of(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }

    [Fact]
    public void Report_WeekPeriodAcrossYearBoundary_UsesIsoWeekYear()
    {
        var path = files.Write("weeks.csv", "rating,responded_at\n9,2019-12-29T12:00:00Z\n9,2019-12-30T12:00:00Z\n9,2021-01-01T12:00:00Z\n9,2020-12-31T23:30:00-01:00\n");

        var run = CliRun.Of("report", path, "--period", "week", "--format", "json", "--min-n", "1");

        var labels = JsonDocument.Parse(run.Out).RootElement.GetProperty("segments").EnumerateArray()
            .Select(s => s.GetProperty("dimensions").GetProperty("period").GetString()).ToArray();
        Assert.Equal(["2019-W52", "2020-W01", "2020-W53"], labels);
    }

    [Fact]
    public void Report_TimeZone_ShiftsPeriodBoundary()
    {
        var path = files.Write("tz.csv", "rating,responded_at\n9,2026-03-31T23:30:00Z\n");

        var utc = CliRun.Of("report", path, "--period", "month", "--format", "csv");
        var amsterdam = CliRun.Of("report", path, "--period", "month", "--format", "csv", "--time-zone", "Europe/Amsterdam");

        Assert.Contains("segment,2026-03,", utc.Out);
        Assert.Contains("segment,2026-04,", amsterdam.Out);
    }

    [Fact]
    public void Report_JsonLinesUnknownDimension_ExitsOne()
    {
        var run = CliRun.Of("report", SampleData.ResponsesJsonLines, "--by", "region");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --by region: no record has the key 'region'\n", run.Error);
    }

    [Fact]
    public void Root_NoCommand_ExitsOneAndHelpExitsZero()
    {
        Assert.Equal(1, CliRun.Of().ExitCode);
        Assert.Equal(0, CliRun.Of("--help").ExitCode);
    }

    [Theory]
    [InlineData("2026-03-14T10:00:00Z", "day", "2026-03-14")]
    [InlineData("2026-03-14T10:00:00Z", "week", "2026-W11")]
    [InlineData("2026-03-14T10:00:00Z", "month", "2026-03")]
    [InlineData("2026-03-14T10:00:00Z", "quarter", "2026-Q1")]
    [InlineData("2026-03-14T10:00:00Z", "year", "2026")]
    [InlineData("2026-10-01T00:00:00Z", "quarter", "2026-Q4")]
    [InlineData("2024-12-30T00:00:00Z", "week", "2025-W01")]
    [InlineData("2021-01-03T12:00:00Z", "week", "2020-W53")]
    [InlineData("2021-01-04T00:00:00Z", "week", "2021-W01")]
    [InlineData("2021-01-03T23:30:00-01:00", "week", "2021-W01")]
    public void Report_PeriodLabels_AsDocumented(string respondedAt, string period, string label)
    {
        var path = files.Write("label.csv", $"rating,responded_at\n9,{respondedAt}\n");

        var run = CliRun.Of("report", path, "--period", period, "--format", "json", "--min-n", "1");

        var segment = JsonDocument.Parse(run.Out).RootElement.GetProperty("segments")[0];
        Assert.Equal(label, segment.GetProperty("dimensions").GetProperty("period").GetString());
    }
}
