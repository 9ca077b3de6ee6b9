namespace Nps.Samples.Tests.Console;

/// <summary>Significance markers and weighted intervals in the tables, usage errors, unreadable paths, option limits.</summary>
public sealed class CliPolishTests : IDisposable
{
    private const string Hint = " Run 'nps report --help' for usage.\n";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private static string Row(string output, string start) =>
        output.Split('\n').Single(line => line.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void ReportTable_SignificantChanges_MarkedWithLegend()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--by", "team", "--period", "quarter");

        Assert.Equal(0, run.ExitCode);
        var header = Row(run.Out, "team ");
        Assert.Contains("  vs prev  vs rest  ", header, StringComparison.Ordinal);
        // Onboarding falls from +16.7 to -8.9 in Q3: lower than Q2 and than the rest; Sales is above the rest.
        Assert.Contains("  89  ▼        ▼   ", Row(run.Out, "Onboarding          2025-Q3"), StringComparison.Ordinal);
        Assert.Contains("  40           ▲   ", Row(run.Out, "Sales               2025-Q2"), StringComparison.Ordinal);
        Assert.Contains("  148                           +12.8", Row(run.Out, "Technical Support   2025-Q3"), StringComparison.Ordinal);
        Assert.Contains("▲/▼: significantly higher/lower than the previous period (vs prev) or the rest of the responses (vs rest), Benjamini–Hochberg adjusted p < 0.05.\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTable_WithoutPeriod_HasOnlyVersusRest()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--by", "team");

        Assert.DoesNotContain("vs prev", run.Out, StringComparison.Ordinal);
        Assert.Contains("than the rest of the responses (vs rest),", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTable_WeightsDiffer_ShowsWeightedIntervalAndEffectiveN()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--by", "team", "--period", "quarter");

        Assert.EndsWith("  weighted NPS    weighted 95%  eff. n", Row(run.Out, "team "), StringComparison.Ordinal);
        Assert.EndsWith("+14.4  [+11.7, +17.1]  3343.5", Row(run.Out, "(all)"), StringComparison.Ordinal);
        Assert.EndsWith("+6.9   [-0.8, +14.4]   444.2", Row(run.Out, "Billing             2025-Q1"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTable_EqualWeights_NoWeightedColumnsNorMarkers()
    {
        var path = files.Write("plain.csv", "rating\n9\n10\n3\n");

        var run = CliRun.Of("report", path, "--min-n", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("weighted", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("▲", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "report", "responses.csv", "--unknown" }, "error: Unrecognized command or argument '--unknown'.")]
    [InlineData(new[] { "report", "--level" }, "error: Required argument missing for option: '--level'.")]
    [InlineData(new[] { "report" }, "error: Required argument missing for command: 'report'.")]
    public void Report_UsageError_OneLineOnStderrWithHint(string[] args, string problem)
    {
        var run = CliRun.Of([.. args.Select(a => a == "responses.csv" ? SampleData.Responses : a)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(problem + Hint, run.Error);
    }

    [Fact]
    public void Report_BadValue_OneLineWithHint()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--format", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(Hint, run.Error, StringComparison.Ordinal);
        Assert.Equal("error: --format 'xml' is not one of table, json, csv." + Hint, run.Error);
    }

    [Fact]
    public void Subcommand_UsageError_HintNamesTheCommand()
    {
        var run = CliRun.Of("themes", "--nope");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith(" Run 'nps themes --help' for usage.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_UnknownCommand_HintNamesNps()
    {
        var run = CliRun.Of("reprot");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.EndsWith(" Run 'nps --help' for usage.\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("themes")]
    [InlineData("follow-ups")]
    [InlineData("insights")]
    [InlineData("huddle", "--team", "Sales")]
    public void Command_DirectoryAsInput_ExitsOneNamingThePath(string command, params string[] required)
    {
        var directory = Path.GetDirectoryName(SampleData.Responses)!;

        var run = CliRun.Of([command, directory, .. required]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: '{directory}' is a directory, not a file. Run 'nps {command} --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Report_MissingFile_ExitsOneNamingThePath()
    {
        var path = files.PathOf("missing.csv");

        var run = CliRun.Of("report", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: file '{path}' does not exist." + Hint, run.Error);
    }

    [Fact]
    public void Report_UnreadableFile_ExitsOneNamingThePath()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        var path = files.Write("locked.csv", "rating\n9\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            using var probe = File.OpenRead(path);
            Assert.Skip("this user reads files without read permission (root)");
        }
        catch (UnauthorizedAccessException)
        {
            // expected: the command must see the same
        }

        var run = CliRun.Of("report", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: cannot read '{path}': ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith(Hint, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MinNZero_ExitsOneWithTheLibrarysMessage()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--min-n", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --min-n 0: The minimum count must be at least 1." + Hint, run.Error);
    }

    [Fact]
    public void Themes_NoRespondedAtColumn_Analyzes()
    {
        var path = files.Write("comments.csv", "rating,comment\n2,the app keeps crashing\n9,friendly staff\n10,\n");

        var run = CliRun.Of("themes", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var responses = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("responses");
        Assert.Equal(3, responses.GetProperty("count").GetInt32());
        Assert.Equal(1, responses.GetProperty("detractors").GetInt32());
    }

    [Fact]
    public void FollowUps_NoRespondedAtColumn_SlaCountsFromAsOf()
    {
        var path = files.Write("no-times.csv", "response_id,customer_id,rating,callback_requested\nR1,C1,2,false\nR2,C2,9,true\nR3,C3,10,false\n");

        var run = CliRun.Of("follow-ups", path, "--as-of", "2026-03-02T09:00:00+01:00", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var due = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("followUps").EnumerateArray()
            .ToDictionary(f => f.GetProperty("responseId").GetString()!, f => f.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(2, due.Count); // the detractor and the callback request; the promoter needs none
        Assert.Equal(DateTimeOffset.Parse("2026-03-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), due["R1"]); // detractor: 48 h
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), due["R2"]); // callback: 24 h
    }

    [Fact]
    public void Report_FormatInCapitals_AcceptedAsTheChoice()
    {
        var run = CliRun.Of("report", SampleData.Responses, "--format", "JSON");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_SaysSo()
    {
        var run = CliRun.Of("frobnicate");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: unknown command 'frobnicate'; the commands are report, plan,", run.Error, StringComparison.Ordinal);
    }
}
