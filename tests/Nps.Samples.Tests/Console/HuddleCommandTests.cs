using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nps.Samples.Console;
using Nps.Samples.Console.Commands;

namespace Nps.Samples.Tests.Console;

public sealed class HuddleCommandTests : IDisposable
{
    private const string Header = "response_id,customer_id,responded_at,rating,team,agent,comment,callback_requested\n";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Huddle_BundledData_PrintsTheBriefShownInTheReadme()
    {
        var run = CliRun.Of("huddle", SampleData.Responses, "--team", "Technical Support", "--week", "2025-W50");

        Assert.Equal(0, run.ExitCode);
        ReadmeBlocks.AssertShown("huddle", "markdown", run.Out);
    }

    [Fact]
    public void Huddle_BundledDataAsJson_HasTheContractsFields()
    {
        var run = CliRun.Of("huddle", SampleData.Responses, "--team", "technical support", "--week", "2025-W50", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("technical support", root.GetProperty("team").GetString());
        Assert.Equal("2025-W50", root.GetProperty("period").GetString());
        Assert.Equal(36, root.GetProperty("score").GetProperty("count").GetInt64());
        Assert.Equal(8, root.GetProperty("trend").GetArrayLength());
        Assert.Equal(8, root.GetProperty("callbacks").GetArrayLength());
        Assert.Equal(16, root.GetProperty("followUps").GetProperty("open").GetInt32());
        Assert.InRange(root.GetProperty("discussionPoints").GetArrayLength(), 2, 3);
    }

    [Fact]
    public void Huddle_Html_IsOnePageWithTheTrendChart()
    {
        var run = CliRun.Of("huddle", SampleData.Responses, "--team", "Billing", "--from", "2025-12-01", "--to", "2025-12-14", "--format", "html");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.Out, StringComparison.Ordinal);
        Assert.Contains("<title>Huddle brief: Billing, 2025-12-01/2025-12-14</title>", run.Out, StringComparison.Ordinal);
        Assert.Contains("<polygon class=\"band\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Huddle_NoPeriod_CoversTheLastCompleteIsoWeekOfTheClock()
    {
        var input = files.Write("r.csv", Header +
            "R1,C1,2026-03-10T10:00:00+01:00,3,care,ann,Too slow,true\n" +
            "R2,C2,2026-03-17T10:00:00+01:00,10,care,bob,Great,false\n");
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var command = HuddleCommand.Create(new CliContext(output, error, false), new FakeTimeProvider(DateTimeOffset.Parse("2026-03-18T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        var exit = new RootCommand { command }.Parse(["huddle", input, "--team", "care", "--format", "json"]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("2026-W11", root.GetProperty("period").GetString());
        Assert.Equal("R1", root.GetProperty("callbacks")[0].GetProperty("responseId").GetString());
        Assert.Equal(1, root.GetProperty("followUps").GetProperty("overdue").GetInt32());
    }

    [Fact]
    public void Huddle_FollowUpExport_CountsItsStatuses()
    {
        var input = files.Write("r.csv", Header + "R1,C1,2026-03-10T10:00:00+01:00,3,care,ann,Too slow,true\n");
        var export = files.Write("follow-ups.json", """
            [ { "responseId": "R1", "status": "contacted", "dueAt": "2026-03-11T10:00:00+01:00", "ownerTeam": "care" },
              { "responseId": "R0", "status": "open", "dueAt": "2026-03-09T10:00:00+01:00", "respondedAt": "2026-03-08T10:00:00+01:00", "ownerTeam": "care" } ]
            """);

        var run = CliRun.Of("huddle", input, "--team", "care", "--week", "2026-W11", "--follow-ups", export, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var followUps = JsonDocument.Parse(run.Out).RootElement.GetProperty("followUps");
        Assert.Equal((1, 1), (followUps.GetProperty("open").GetInt32(), followUps.GetProperty("overdue").GetInt32()));
    }

    [Fact]
    public void Huddle_BadFollowUpExport_ExitsTwoNamingTheField()
    {
        var input = files.Write("r.csv", Header + "R1,C1,2026-03-10T10:00:00+01:00,3,care,ann,Too slow,true\n");
        var export = files.Write("follow-ups.json", """[ { "responseId": "R1", "status": "done", "dueAt": "2026-03-11T10:00:00+01:00" } ]""");

        var run = CliRun.Of("huddle", input, "--team", "care", "--week", "2026-W11", "--follow-ups", export);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: follow-ups.json: [0].status: must be open, contacted or closed, got 'done'\n", run.Error);
    }

    [Fact]
    public void Huddle_UnknownTeam_ExitsTwoListingTheTeams()
    {
        var input = files.Write("r.csv", Header + "R1,C1,2026-03-10T10:00:00+01:00,3,care,ann,,false\nR2,C2,2026-03-10T10:00:00+01:00,3,sales,bob,,false\n");

        var run = CliRun.Of("huddle", input, "--team", "billing", "--week", "2026-W11");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no responses of team 'billing' in r.csv (teams: care, sales)\n", run.Error);
    }

    [Fact]
    public void Huddle_InvalidRow_ExitsTwoWithLineAndColumn()
    {
        var input = files.Write("r.csv", Header + "R1,C1,2026-03-10T10:00:00+01:00,11,care,ann,,false\n");

        var run = CliRun.Of("huddle", input, "--team", "care", "--week", "2026-W11");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: line 2, column rating: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--week", "2026-W60", "error: --week must be an ISO week such as 2026-W11, got '2026-W60'\n")]
    [InlineData("--from", "2026-03-01", "error: --from and --to go together\n")]
    [InlineData("--to", "2026-03-01", "error: --from and --to go together\n")]
    public void Huddle_BadPeriod_ExitsOne(string option, string value, string message)
    {
        var run = CliRun.Of("huddle", SampleData.Responses, "--team", "Billing", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message, run.Error);
    }

    [Fact]
    public void Huddle_WeekAndDates_ExitsOne()
    {
        var run = CliRun.Of("huddle", SampleData.Responses, "--team", "Billing", "--week", "2025-W50", "--from", "2025-12-01", "--to", "2025-12-07");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: give either --week or --from and --to, not both\n", run.Error);
    }

    [Fact]
    public void Huddle_ToBeforeFromOrBadDate_ExitsOne()
    {
        Assert.Equal("error: --to (2025-11-30) is before --from (2025-12-01)\n", CliRun.Of("huddle", SampleData.Responses, "--team", "Billing", "--from", "2025-12-01", "--to", "2025-11-30").Error);
        Assert.Equal("error: --from: must be a date (yyyy-MM-dd), got '1-12-2025'\n", CliRun.Of("huddle", SampleData.Responses, "--team", "Billing", "--from", "1-12-2025", "--to", "2025-11-30").Error);
    }

    [Fact]
    public void Huddle_MissingTeamOrBadFormat_ExitsOne()
    {
        Assert.Equal(1, CliRun.Of("huddle", SampleData.Responses, "--week", "2025-W50").ExitCode);
        Assert.Equal(1, CliRun.Of("huddle", SampleData.Responses, "--team", "Billing", "--format", "pdf").ExitCode);
    }
}
