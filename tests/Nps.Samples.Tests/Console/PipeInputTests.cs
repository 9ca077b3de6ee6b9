using System.IO.Pipes;

namespace Nps.Samples.Tests.Console;

/// <summary>Every command reads <c>-</c> (standard input) and non-seekable files such as <c>&lt;(cat f.csv)</c>, in order.</summary>
public sealed class PipeInputTests
{
    private const string Csv = "response_id,responded_at,rating,team\nR1,2026-03-14T10:00:00+01:00,9,a\nR2,2026-03-14T11:00:00+01:00,3,a\nR3,2026-03-15T11:00:00+01:00,10,b\n";

    [Fact]
    public void Report_Dash_ReadsStandardInput()
    {
        var run = CliRun.WithInput(Csv, "report", "-", "--by", "team", "--format", "csv", "--min-n", "1", "--threads", "4");

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\noverall,,3,2,0,1,", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("themes")]
    [InlineData("insights")]
    [InlineData("follow-ups")]
    public void Command_Dash_ReadsStandardInput(string command)
    {
        var run = CliRun.WithInput(Csv, command, "-", "--format", "json");

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Report_Pipe_ReadSequentiallyWithoutSeeking()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/fd paths are Linux's");
        using var readEnd = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var path = $"/proc/self/fd/{readEnd.SafePipeHandle.DangerousGetHandle()}"; // what <(cat f.csv) passes: a pipe, no seeking
        using (var writeEnd = new AnonymousPipeClientStream(PipeDirection.Out, readEnd.ClientSafePipeHandle))
        {
            writeEnd.Write(System.Text.Encoding.UTF8.GetBytes(Csv)); // smaller than a pipe's buffer; closed after: the end of the data
        }

        var run = CliRun.Of("report", path, "--by", "team", "--format", "csv", "--min-n", "1", "--threads", "4");

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\noverall,,3,2,0,1,", run.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> ResponseCommands => new()
    {
        new[] { "report", "{0}", "--by", "team", "--format", "csv", "--min-n", "1" },
        new[] { "themes", "{0}", "--format", "json" },
        new[] { "insights", "{0}", "--format", "json" },
        new[] { "follow-ups", "{0}", "--as-of", "2025-02-01T00:00:00+01:00", "--format", "json" },
        new[] { "huddle", "{0}", "--team", "Billing", "--from", "2025-01-01", "--to", "2025-01-14", "--format", "json" },
        new[] { "ambition", "{0}", "--ambitions", Path.Combine(SampleData.Root, "samples", "data", "ambitions.json"), "--as-of", "2025-01-10", "--format", "json" },
    };

    [Theory]
    [MemberData(nameof(ResponseCommands))]
    public void Command_JsonLinesOnStandardInput_SameAsTheJsonLinesFile(string[] args)
    {
        var fromFile = CliRun.Of(Fill(args, SampleData.ResponsesJsonLines));

        var fromInput = CliRun.WithInput(File.ReadAllText(SampleData.ResponsesJsonLines), [.. Fill(args, "-"), "--input-format", "jsonl"]);

        Assert.Equal((0, ""), (fromFile.ExitCode, fromFile.Error));
        Assert.Equal((fromFile.ExitCode, fromFile.Error, fromFile.Out), (fromInput.ExitCode, fromInput.Error, fromInput.Out));
    }

    [Fact]
    public void Simulate_JsonLinesOnStandardInput_SameAsTheJsonLinesFile()
    {
        using var files = new TempFiles();
        var contacts = ContactsAsJsonLines(200);
        string[] args = ["simulate", "{0}", "--program", Path.Combine(SampleData.Root, "samples", "data", "program.json"), "--format", "json"];
        var fromFile = CliRun.Of(Fill(args, files.Write("contacts.jsonl", contacts)));

        var fromInput = CliRun.WithInput(contacts, [.. Fill(args, "-"), "--input-format", "JSONL"]);

        Assert.Equal((0, ""), (fromFile.ExitCode, fromFile.Error));
        Assert.Equal((fromFile.ExitCode, fromFile.Error, fromFile.Out), (fromInput.ExitCode, fromInput.Error, fromInput.Out));
    }

    [Fact]
    public void Report_JsonLinesPipe_ReadWithInputFormat()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/fd paths are Linux's");
        using var readEnd = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var path = $"/proc/self/fd/{readEnd.SafePipeHandle.DangerousGetHandle()}"; // what <(cat f.jsonl) passes: no extension, no seeking
        using (var writeEnd = new AnonymousPipeClientStream(PipeDirection.Out, readEnd.ClientSafePipeHandle))
        {
            writeEnd.Write(System.Text.Encoding.UTF8.GetBytes(
                "{\"response_id\":\"R1\",\"responded_at\":\"2026-03-14T10:00:00+01:00\",\"rating\":9,\"team\":\"a\"}\n" +
                "{\"response_id\":\"R2\",\"responded_at\":\"2026-03-14T11:00:00+01:00\",\"rating\":3,\"team\":\"a\"}\n" +
                "{\"response_id\":\"R3\",\"responded_at\":\"2026-03-15T11:00:00+01:00\",\"rating\":10,\"team\":\"b\"}\n"));
        }

        var run = CliRun.Of("report", path, "--input-format", "jsonl", "--by", "team", "--format", "csv", "--min-n", "1");

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\noverall,,3,2,0,1,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_JsonLinesOnStandardInputWithoutInputFormat_InvalidInputNotAReport()
    {
        var run = CliRun.WithInput(File.ReadAllText(SampleData.ResponsesJsonLines), "report", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode); // read as CSV, as documented: a header of JSON is no CSV header
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Report_InputFormatUnknown_UsageError()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--input-format", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --input-format 'xml' is not one of auto, csv, jsonl.", run.Error, StringComparison.Ordinal);
    }

    private static string[] Fill(string[] args, string input) => [.. args.Select(a => a == "{0}" ? input : a)];

    /// <summary>The first rows of the sample contact log as JSON Lines (empty cells left out, as a JSON export does).</summary>
    private static string ContactsAsJsonLines(int rows)
    {
        var lines = File.ReadLines(SampleData.Contacts).Take(rows + 1).ToList();
        var header = lines[0].Split(',');
        var json = new System.Text.StringBuilder();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var record = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                if (i < cells.Length && cells[i].Length > 0) record[header[i]] = cells[i];
            }

            json.Append(System.Text.Json.JsonSerializer.Serialize(record)).Append('\n');
        }

        return json.ToString();
    }

    [Fact]
    public void Report_ColumnsUnderTheUsersNames_MappedWithColumn()
    {
        var run = CliRun.WithInput("id,score,date,department\nA1,10 - Extremely likely,2026-03-14T10:00:00+01:00,Billing\nA2,3,2026-03-15T10:00:00+01:00,Sales\n",
            "report", "-", "--column", "rating=score", "--column", "response_id=id", "--column", "responded_at=date", "--column", "team=department",
            "--by", "team", "--format", "csv", "--min-n", "1");

        Assert.Equal("", run.Error);
        Assert.Contains("\nsegment,Billing,1,1,0,0,100,", run.Out, StringComparison.Ordinal);
        Assert.Contains("\nsegment,Sales,1,0,0,1,-100,", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ColumnWithoutEquals_UsageError()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--column", "score");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --column 'score' is not meaning=name (e.g. rating=score).", run.Error, StringComparison.Ordinal);
    }
}
