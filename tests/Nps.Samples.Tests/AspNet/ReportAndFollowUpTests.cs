using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nps.AspNetCore.Api;

namespace Nps.Samples.Tests.AspNet;

public sealed class ReportAndFollowUpTests : ApiTestBase
{
    [Fact]
    public async Task PostResponse_Detractor_CreatesOneOpenFollowUpDueAfterTheSla()
    {
        using var first = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 3)), Token);
        using var retry = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 3)), Token);
        using var list = await Client.GetAsync("/api/follow-ups?status=open", Token);

        Assert.Equal("fu-R1", (await first.ReadJsonAsync()).GetProperty("followUpId").GetString());
        var followUp = Assert.Single((await list.ReadJsonAsync()).EnumerateArray());
        Assert.Equal("fu-R1", followUp.GetProperty("id").GetString());
        Assert.Equal("detractor", followUp.GetProperty("reason").GetString());
        Assert.Equal("open", followUp.GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-03-16T10:05:00+01:00", System.Globalization.CultureInfo.InvariantCulture), followUp.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostResponse_PromoterWithCallback_CreatesFollowUp_PromoterAlone_DoesNot()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 10, callback: true)), Token)).Dispose();
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R2", rating: 10)), Token)).Dispose();
        using var list = await Client.GetAsync("/api/follow-ups", Token);

        var followUp = Assert.Single((await list.ReadJsonAsync()).EnumerateArray());
        Assert.Equal(("fu-R1", "callback"), (followUp.GetProperty("id").GetString(), followUp.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ListFollowUps_StatusAnyCase_Filters()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 3)), Token)).Dispose();

        using var open = await Client.GetAsync("/api/follow-ups?status=Open", Token);
        using var closed = await Client.GetAsync("/api/follow-ups?status=CLOSED", Token);

        Assert.Equal(1, (await open.ReadJsonAsync()).GetArrayLength());
        Assert.Equal(0, (await closed.ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task SetStatus_AnyCase_Accepted()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 3)), Token)).Dispose();

        using var closed = await Client.PostAsync("/api/follow-ups/fu-R1/status", Api.Json("""{ "status": "Closed" }"""), Token);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SetStatus_OpenToContactedToClosed_ThenInvalidMoveIs409()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 2)), Token)).Dispose();

        using var contacted = await Client.PostAsync("/api/follow-ups/fu-R1/status", Api.Json("""{ "status": "contacted", "note": "Called back" }"""), Token);
        using var closed = await Client.PostAsync("/api/follow-ups/fu-R1/status", Api.Json("""{ "status": "closed", "note": "Refunded" }"""), Token);
        using var again = await Client.PostAsync("/api/follow-ups/fu-R1/status", Api.Json("""{ "status": "contacted" }"""), Token);

        Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
        Assert.Equal("closed", (await closed.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task FollowUps_UnknownIdOrStatus_404And400()
    {
        using var unknown = await Client.PostAsync("/api/follow-ups/fu-nope/status", Api.Json("""{ "status": "closed" }"""), Token);
        using var get = await Client.GetAsync("/api/follow-ups/fu-nope", Token);
        using var badStatus = await Client.GetAsync("/api/follow-ups?status=done", Token);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("'done' is not a follow-up status: open, contacted or closed.",
            (await badStatus.ReadJsonAsync()).GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task Report_ByTeamAndMonth_HasTheConsoleShape()
    {
        var ratings = new[] { (10, "Billing"), (9, "Billing"), (3, "Billing"), (8, "Sales"), (10, "Sales") };
        for (var i = 0; i < ratings.Length; i++)
        {
            var json = Api.Response($"R{i}", rating: ratings[i].Item1, respondent: $"C{i}").Replace("\"Billing\"", $"\"{ratings[i].Item2}\"", StringComparison.Ordinal);
            (await Client.PostAsync("/api/responses", Api.Json(json), Token)).Dispose();
        }

        using var response = await Client.GetAsync("/api/reports/nps?by=team&period=month&level=0.9&method=wald&includeUnsolicited=true", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(0.9, report.GetProperty("level").GetDouble());
        Assert.Equal("wald", report.GetProperty("method").GetString());
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
        var overall = report.GetProperty("overall");
        Assert.Equal((5, 3, 1, 1), (overall.GetProperty("count").GetInt64(), overall.GetProperty("promoters").GetInt64(), overall.GetProperty("passives").GetInt64(), overall.GetProperty("detractors").GetInt64()));
        Assert.Equal(40, overall.GetProperty("nps").GetDouble());
        Assert.False(overall.GetProperty("enoughData").GetBoolean());
        var segments = report.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["Billing", "Sales"], segments.Select(s => s.GetProperty("dimensions").GetProperty("team").GetString()));
        var billing = segments[0];
        Assert.Equal(["team", "period"], billing.GetProperty("dimensions").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, billing.GetProperty("manualSends").GetInt64());
        Assert.Equal("2026-03", billing.GetProperty("dimensions").GetProperty("period").GetString());
        Assert.Equal(3, billing.GetProperty("count").GetInt64());
        Assert.True(billing.GetProperty("lower").GetDouble() < billing.GetProperty("nps").GetDouble());
        Assert.True(billing.GetProperty("upper").GetDouble() > billing.GetProperty("nps").GetDouble());
    }

    [Fact]
    public async Task PostResponse_ExtraStringFieldsAndCustomerId_BecomeDimensionAndRespondent()
    {
        var json = """{ "responseId": "R1", "customerId": "C77", "rating": 4, "respondedAt": "2026-03-14T10:05:00Z", "region": "north" }""";

        using var created = await Client.PostAsync("/api/responses", Api.Json(json), Token);
        using var report = await Client.GetAsync("/api/reports/nps?by=region", Token);

        var body = await created.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("C77", body.GetProperty("respondentId").GetString());
        Assert.Equal("north", body.GetProperty("attributes").GetProperty("region").GetString());
        Assert.Equal("fu-R1", body.GetProperty("followUpId").GetString());
        var segment = Assert.Single((await report.ReadJsonAsync()).GetProperty("segments").EnumerateArray());
        Assert.Equal("north", segment.GetProperty("dimensions").GetProperty("region").GetString());
    }

    [Fact]
    public async Task SetStatus_UnknownField_NamesIt()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 2)), Token)).Dispose();

        using var response = await Client.PostAsync("/api/follow-ups/fu-R1/status", Api.Json("""{ "status": "closed", "outcome": "x" }"""), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _));
    }

    [Fact]
    public async Task Report_ResponseWithoutInvitation_LeftOutOfTheScoreAndCountedAsUnsolicited()
    {
        using var posted = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 10)), Token);
        using var stored = await Client.GetAsync("/api/responses/R1", Token);
        using var report = await Client.GetAsync("/api/reports/nps", Token);
        using var included = await Client.GetAsync("/api/reports/nps?includeUnsolicited=true", Token);
        using var bad = await Client.GetAsync("/api/reports/nps?includeUnsolicited=maybe", Token);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var overall = (await report.ReadJsonAsync()).GetProperty("overall");
        Assert.Equal(0, overall.GetProperty("count").GetInt64());
        Assert.Equal(1, overall.GetProperty("unsolicited").GetInt64());
        var body = await included.ReadJsonAsync();
        Assert.True(body.GetProperty("includeUnsolicited").GetBoolean());
        Assert.Equal(1, body.GetProperty("overall").GetProperty("count").GetInt64());
        Assert.Equal(0, body.GetProperty("overall").GetProperty("unsolicited").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("'maybe' is not true or false.", (await bad.ReadJsonAsync()).GetProperty("errors").GetProperty("includeUnsolicited")[0].GetString());
    }

    [Fact]
    public async Task Report_FromTo_FiltersByResponseTime()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1")), Token)).Dispose();

        using var before = await Client.GetAsync("/api/reports/nps?to=2026-03-01&includeUnsolicited=true", Token);
        using var during = await Client.GetAsync("/api/reports/nps?from=2026-03-14T00:00:00Z&to=2026-03-15&includeUnsolicited=true", Token);

        Assert.Equal(0, (await before.ReadJsonAsync()).GetProperty("overall").GetProperty("count").GetInt64());
        Assert.Equal(1, (await during.ReadJsonAsync()).GetProperty("overall").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Report_LevelBelowHalf_AcceptedLikeTheConsole()
    {
        using var response = await Client.GetAsync("/api/reports/nps?level=0.4", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0.4, (await response.ReadJsonAsync()).GetProperty("level").GetDouble());
    }

    [Fact]
    public async Task Report_BadParameters_NameEachOne()
    {
        using var response = await Client.GetAsync("/api/reports/nps?period=fortnight&level=95&method=exact&from=2026-03-14T10:00:00", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(["from", "level", "method", "period"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("'fortnight' is not a period: day, week, month, quarter or year.", errors.GetProperty("period")[0].GetString());
        Assert.Equal("'exact' is not an interval method: adjusted-wald, wald or score.", errors.GetProperty("method")[0].GetString());
        Assert.Equal("'95' is not a confidence level in (0, 1), e.g. 0.95.", errors.GetProperty("level")[0].GetString());
    }

    [Fact]
    public async Task Coaching_FewResponses_NoSignalsButTheShape()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1")), Token)).Dispose();

        using var response = await Client.GetAsync("/api/insights/coaching?by=agent&period=month", Token);
        using var bad = await Client.GetAsync("/api/insights/coaching?by=customer", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("agent", body.GetProperty("dimension").GetString());
        Assert.Empty(body.GetProperty("signals").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Restart_SameFile_KeepsFollowUps()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 1)), Token)).Dispose();
        Client.Dispose();
        Factory.Dispose();

        using var restarted = new NpsApiFactory(Database.Path);
        using var client = restarted.CreateClient();
        using var get = await client.GetAsync("/api/follow-ups/fu-R1", Token);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(1, (await get.ReadJsonAsync()).GetProperty("rating").GetInt32());
    }

    [Theory]
    [InlineData("level=0.9999999999999999", "level")]
    [InlineData("by=team,agent,channel,product,touchpoint", "by")]
    public async Task Report_ValueBeyondItsRange_Returns400NamingIt(string query, string field)
    {
        using var response = await Client.GetAsync("/api/reports/nps?" + query, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Theory]
    [InlineData("/api/reports/nps?by=&period=%20&from=&to=&level=&method=&includeUnsolicited=")]
    [InlineData("/api/reports/response-rates?period=&from=&to=&timeZone=&level=")]
    [InlineData("/api/insights/themes?from=&to=&includeUnsolicited=%20")]
    [InlineData("/api/follow-ups?status=&limit=&cursor=")]
    public async Task Query_BlankParameters_AreTreatedAsAbsent(string route)
    {
        using var response = await Client.GetAsync(route, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/reports/response-rates?timeZone=Mars/Olympus&level=1&to=2026-03-01&from=2026-03-02", new[] { "level", "timeZone", "to" })]
    [InlineData("/api/insights/themes?includeUnsolicited=maybe&from=yesterday", new[] { "from", "includeUnsolicited" })]
    [InlineData("/api/follow-ups?status=done&limit=0&cursor=c1.%25", new[] { "cursor", "limit", "status" })]
    [InlineData("/api/follow-ups?limit=-5", new[] { "limit" })]
    [InlineData("/api/insights/coaching?by=customer&period=Fortnight", new[] { "by", "period" })]
    public async Task Query_BadValues_OneValidationProblemNamingEach(string route, string[] fields)
    {
        using var response = await Client.GetAsync(route, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(fields, errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
