using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Nps.Samples.Tests.AspNet;
using Nps.Samples.Tests.Console;
using Nps.Serialization;

namespace Nps.Samples.Tests.CrossHost;

/// <summary>
/// One wire contract: the same responses fed to the console (<c>nps</c>, in-process) and to the web sample give
/// byte-identical JSON for the same document.
/// </summary>
public sealed class CrossHostJsonTests : ApiTestBase
{
    private sealed record Row(string Id, string Customer, int Rating, DateTimeOffset At, string Team, string Agent, string? Comment,
        bool Callback, double InclusionProbability, bool Manual);

    /// <summary>48 responses over two teams, four agents and two months, with differing inclusion probabilities
    /// (so weighted scores appear), manual sends, callbacks, and comments with accents, quotes and commas.</summary>
    private static List<Row> Rows()
    {
        string?[] comments = [null, "Très vriendelijk, \"top\"", "Lang wachten – twee keer doorverbonden", "ok"];
        var start = NpsApiFactory.Now; // the API's clock: responses never lie before it
        return [.. Enumerable.Range(0, 48).Select(i => new Row(
            $"R{i:00}", $"C{i % 20:00}", i * 7 % 11, start.AddHours(i * 17).ToOffset(TimeSpan.FromHours(1)),
            i % 3 == 0 ? "Billing" : "Sales", $"A{i % 4}", comments[i % 4], i % 5 == 0, i % 2 == 0 ? 0.5 : 0.25, i % 9 == 4))];
    }

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string WriteCsv(TempFiles files, IEnumerable<Row> rows)
    {
        var csv = new StringBuilder("response_id,customer_id,rating,responded_at,team,agent,comment,callback_requested,inclusion_probability,manual\n");
        foreach (var r in rows)
        {
            var comment = r.Comment is null ? "" : "\"" + r.Comment.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Id},{r.Customer},{r.Rating},{Iso(r.At)},{r.Team},{r.Agent},{comment},{(r.Callback ? "true" : "false")},{Number(r.InclusionProbability)},{(r.Manual ? "true" : "false")}\n");
        }

        return files.Write("responses.csv", csv.ToString());
    }

    private async Task PostAllAsync(IEnumerable<Row> rows)
    {
        foreach (var r in rows)
        {
            // The API's clock follows the responses, so each follow-up is created when its response arrives, as the console replays it.
            Clock.SetUtcNow(r.At.ToUniversalTime()); // a real clock reads UTC
            var body = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["responseId"] = r.Id, ["respondentId"] = r.Customer, ["rating"] = r.Rating, ["respondedAt"] = Iso(r.At), ["team"] = r.Team,
                ["agent"] = r.Agent, ["comment"] = r.Comment, ["callbackRequested"] = r.Callback, ["inclusionProbability"] = r.InclusionProbability,
                ["isManual"] = r.Manual,
            });
            using var posted = await Client.PostAsync("/api/responses", Api.Json(body), Token);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
    }

    [Theory]
    [InlineData("--by team,agent --period month", "by=team,agent&period=month")]
    [InlineData("--by team --period Quarter --method Score --level 0.9", "by=team&period=Quarter&method=Score&level=0.9")]
    [InlineData("", "")]
    public async Task Report_SameResponses_ConsoleAndWebByteIdentical(string consoleOptions, string query)
    {
        var rows = Rows();
        using var files = new TempFiles();
        var path = WriteCsv(files, rows);
        await PostAllAsync(rows);

        // Posted without invitations, the web's responses are unsolicited: both hosts are asked to count them.
        var console = CliRun.Of(["report", path, "--format", "json", "--include-unsolicited", .. consoleOptions.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        using var web = await Client.GetAsync("/api/reports/nps?includeUnsolicited=true&" + query, Token);

        Assert.Equal((0, ""), (console.ExitCode, console.Error));
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        var webJson = await web.Content.ReadAsStringAsync(Token);
        Assert.Equal(console.Out, webJson + "\n");
        Assert.Contains("\"weightedNps\": ", webJson, StringComparison.Ordinal); // the weighted path is compared too
    }

    [Fact]
    public async Task FollowUps_SameResponses_ConsoleQueueAndWebListByteIdentical()
    {
        var rows = Rows();
        using var files = new TempFiles();
        var path = WriteCsv(files, rows);
        await PostAllAsync(rows);
        var asOf = rows[^1].At.AddDays(3); // every follow-up overdue: both hosts list by due time
        Clock.SetUtcNow(asOf.ToUniversalTime());

        var console = CliRun.Of("follow-ups", path, "--as-of", Iso(asOf), "--format", "json");
        using var web = await Client.GetAsync("/api/follow-ups", Token);

        Assert.Equal((0, ""), (console.ExitCode, console.Error));
        var queue = NpsJson.Deserialize<FollowUpQueueDocument>(console.Out)!;
        Assert.NotEmpty(queue.FollowUps);
        Assert.All(queue.FollowUps, f => Assert.True(f.Overdue));
        Assert.Equal(NpsJson.Serialize(queue.FollowUps), await web.Content.ReadAsStringAsync(Token));
    }
}
