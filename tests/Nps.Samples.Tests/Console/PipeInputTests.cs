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
