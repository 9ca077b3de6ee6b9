using System.Text.Json;

namespace Nps.Samples.Tests.Console;

public sealed class ThemesAndFollowUpsCommandTests : IDisposable
{
    private const string Header = "response_id,customer_id,responded_at,rating,team,agent,comment,callback_requested\n";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Themes_SampleData_DutchAndEnglishDriversFound()
    {
        var run = CliRun.Of("themes", SampleData.Responses, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        var themes = root.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal(8, themes.Count);
        Assert.All(themes, t => Assert.True(t.GetProperty("mentions").GetProperty("count").GetInt64() > 0, t.GetProperty("id").GetString()));
        Assert.True(root.GetProperty("commentsWithTheme").GetInt64() > 0);
        var price = themes.Single(t => t.GetProperty("name").GetString() == "Price");
        Assert.True(price.GetProperty("impact").GetProperty("difference").GetDouble() < 0);
    }

    [Fact]
    public void Themes_CustomTaxonomy_UsedInsteadOfDefault()
    {
        var taxonomy = files.Write("themes.json", """{ "themes": [ { "id": "app", "name": "App", "keywords": { "nl": ["app"], "en": ["online"] } } ] }""");

        var run = CliRun.Of("themes", SampleData.Responses, "--taxonomy", taxonomy, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var theme = Assert.Single(JsonDocument.Parse(run.Out).RootElement.GetProperty("themes").EnumerateArray());
        Assert.Equal("app", theme.GetProperty("id").GetString());
        Assert.True(theme.GetProperty("mentions").GetProperty("count").GetInt64() > 0);
    }

    [Fact]
    public void Themes_InvalidTaxonomy_ExitsTwo()
    {
        var taxonomy = files.Write("themes.json", """{ "themes": [ { "id": "x", "name": "X", "keywords": { "nl": ["wa*cht"] } } ] }""");

        var run = CliRun.Of("themes", SampleData.Responses, "--taxonomy", taxonomy);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: themes.json: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Themes_Table_ShowsImpactAndExamples()
    {
        var run = CliRun.Of("themes", SampleData.Responses, "--examples", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Being transferred", run.Out);
        Assert.Contains("impact", run.Out);
    }

    [Fact]
    public void Themes_Table_ShowsGuardsNegationAndAdjustedP()
    {
        var run = CliRun.Of("themes", SampleData.Responses, "--examples", "0", "--min-mentions", "60");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Impacts tested for themes with at least 60 mentions (7 of 8); adjusted p: Benjamini–Hochberg across them.", run.Out);
        Assert.Contains("adjusted p", run.Out);
        Assert.Contains("negated", run.Out);
        Assert.Matches(@"Commercial pressure / upselling +54 .* not tested", run.Out);
    }

    [Fact]
    public void Themes_MinMentionsBelowOne_ExitsOne()
    {
        var run = CliRun.Of("themes", SampleData.Responses, "--min-mentions", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--min-mentions must be 1 or more, got 0", run.Error);
    }

    [Fact]
    public void FollowUps_Table_ShowsContactedWithinSlaAndBreaches()
    {
        var path = files.Write("responses.csv", Header +
            "R1,C1,2026-03-02T09:00:00+01:00,3,Billing,B1,Te lang gewacht,false\n" +
            "R2,C2,2026-03-02T10:00:00+01:00,9,Billing,B1,,true\n");

        var run = CliRun.Of("follow-ups", path, "--as-of", "2026-03-03T10:30:00+01:00");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Detractors contacted: 0.0% (0 of 1); contacted within SLA: 0.0% (0 of 1 due, 1 not yet due); SLA breaches: 1 (0 contacted late).", run.Out);
    }

    [Fact]
    public void FollowUps_DetractorsAndCallbacks_QueuedWithDueTimes()
    {
        var path = files.Write("responses.csv", Header +
            "R1,C1,2026-03-02T09:00:00+01:00,3,Billing,B1,Te lang gewacht,false\n" +
            "R2,C2,2026-03-02T10:00:00+01:00,9,Billing,B1,,true\n" +
            "R3,C3,2026-03-02T11:00:00+01:00,8,Billing,B2,,false\n" +
            "R4,,2026-03-02T12:00:00+01:00,2,Sales,S1,,false\n" +
            "R5,C5,2026-03-05T12:00:00+01:00,1,Sales,S1,,false\n");

        var run = CliRun.Of("follow-ups", path, "--as-of", "2026-03-03T10:30:00+01:00", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, root.GetProperty("anonymous").GetInt64());
        Assert.Equal(1, root.GetProperty("afterAsOf").GetInt64());
        Assert.Equal(2, root.GetProperty("metrics").GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("metrics").GetProperty("overdue").GetInt32());
        var queue = root.GetProperty("followUps").EnumerateArray().ToList();
        Assert.Equal("R2", queue[0].GetProperty("responseId").GetString()); // callback: 24 h, overdue at 10:30 next day
        Assert.True(queue[0].GetProperty("overdue").GetBoolean());
        Assert.Equal("callback", queue[0].GetProperty("reason").GetString());
        Assert.Equal("R1", queue[1].GetProperty("responseId").GetString()); // detractor: 48 h
        Assert.False(queue[1].GetProperty("overdue").GetBoolean());
        Assert.Equal("open", queue[1].GetProperty("status").GetString());
    }

    [Fact]
    public void FollowUps_IncludePassives_AddsPassive()
    {
        var path = files.Write("responses.csv", Header + "R3,C3,2026-03-02T11:00:00+01:00,8,Billing,B2,,false\n");

        var run = CliRun.Of("follow-ups", path, "--as-of", "2026-03-03T10:30:00Z", "--include-passives", "--format", "json");

        var entry = Assert.Single(JsonDocument.Parse(run.Out).RootElement.GetProperty("followUps").EnumerateArray());
        Assert.Equal("passive", entry.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("Open", 1)]
    [InlineData("open", 1)]
    [InlineData("CLOSED", 0)]
    public void FollowUps_StatusAnyCase_Filters(string status, int expected)
    {
        var path = files.Write("responses.csv", Header + "R1,C1,2026-03-02T09:00:00+01:00,3,Billing,B1,,false\n");

        var run = CliRun.Of("follow-ups", path, "--as-of", "2026-03-03T10:30:00Z", "--status", status, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, JsonDocument.Parse(run.Out).RootElement.GetProperty("followUps").GetArrayLength());
    }

    [Fact]
    public void FollowUps_UnknownStatus_ExitsOneNamingTheChoices()
    {
        var run = CliRun.Of("follow-ups", SampleData.Responses, "--status", "done");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--status 'done' is not open, contacted or closed", run.Error);
    }

    [Fact]
    public void FollowUps_SampleDataTable_ShowsQueue()
    {
        var run = CliRun.Of("follow-ups", SampleData.Responses, "--as-of", "2025-12-31T17:00:00+01:00", "--limit", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Follow-ups as of 2025-12-31T17:00:00+01:00:", run.Out, StringComparison.Ordinal);
        Assert.Contains("more (--limit 0 shows all", run.Out);
    }

    [Fact]
    public void FollowUps_AsOfWithoutOffset_ExitsOne()
    {
        var run = CliRun.Of("follow-ups", SampleData.Responses, "--as-of", "2025-12-31T17:00:00");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("has no UTC offset", run.Error);
    }

    [Fact]
    public void FollowUps_InvalidRow_ExitsTwo()
    {
        var path = files.Write("responses.csv", Header + "R1,C1,2026-03-02T09:00:00+01:00,3,Billing,B1,,perhaps\n");

        var run = CliRun.Of("follow-ups", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: line 2, column callback_requested: expected true/false, 1/0 or yes/no, got 'perhaps'\n", run.Error);
    }

    [Theory]
    [InlineData("themes")]
    [InlineData("follow-ups")]
    public void Help_ExitsZero(string command)
    {
        Assert.Equal(0, CliRun.Of(command, "--help").ExitCode);
    }
}
