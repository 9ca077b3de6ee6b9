using Microsoft.Extensions.Time.Testing;
using Nps.Samples.Console;
using Nps.Samples.Console.Output;

namespace Nps.Samples.Tests.Console;

/// <summary>The terminal progress line: percentage and time left, at most every 250 ms, cleared at the end.</summary>
public sealed class ReadProgressTests
{
    [Fact]
    public void Report_BeforeTheInterval_DrawsNothing()
    {
        var time = new FakeTimeProvider();
        var writer = new StringWriter();
        var progress = new ReadProgress(writer, "responses.csv", 1000, time);

        time.Advance(TimeSpan.FromMilliseconds(249));
        progress.Report(500);
        progress.Clear();

        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void Report_AfterTheInterval_ShowsPercentageAndTimeLeft()
    {
        var time = new FakeTimeProvider();
        var writer = new StringWriter();
        var progress = new ReadProgress(writer, "responses.csv", 1000, time);

        time.Advance(TimeSpan.FromSeconds(10));
        progress.Report(250);
        time.Advance(TimeSpan.FromMilliseconds(100));
        progress.Report(300); // within 250 ms of the last draw: not drawn
        time.Advance(TimeSpan.FromSeconds(10));
        progress.Report(1000);

        Assert.Equal("\rreading responses.csv: 25%, 0:30 left\rreading responses.csv: 100%, 0:00 left", writer.ToString());
    }

    [Fact]
    public void Clear_AfterADraw_BlanksTheLine()
    {
        var time = new FakeTimeProvider();
        var writer = new StringWriter();
        var progress = new ReadProgress(writer, "f", 3_600_000, time);
        time.Advance(TimeSpan.FromMinutes(30));
        progress.Report(200_000);
        var drawn = writer.ToString();

        progress.Clear();

        Assert.Equal("\rreading f: 6%, 8:30:00 left", drawn);
        Assert.Equal(drawn + "\r" + new string(' ', drawn.Length - 1) + "\r", writer.ToString());
    }

    [Fact]
    public void Run_WithProgress_SameResultAndTheLineCleared()
    {
        var plain = CliRun.Of("themes", SampleData.Responses, "--format", "json");
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        var exit = NpsCli.Run(["themes", SampleData.Responses, "--format", "json"], output, error, showProgress: true);

        Assert.Equal(0, exit);
        Assert.Equal(plain.Out, output.ToString());
        Assert.Equal("", error.ToString().Split('\r').Last().Trim());
    }

    [Fact]
    public void Report_WithProgress_SameTableAndTheLineCleared()
    {
        string[] args = ["report", SampleData.Responses, "--by", "team", "--period", "quarter", "--skip-invalid"];
        var plain = CliRun.Of(args);
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        var exit = NpsCli.Run(args, output, error, showProgress: true);

        Assert.Equal(0, exit);
        Assert.Equal(plain.Out, output.ToString());
        Assert.Equal("", error.ToString().Split('\r').Last().Trim());
    }
}
