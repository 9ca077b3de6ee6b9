using System.Net;
using System.Text.Json;

namespace Nps.Samples.Tests.AspNet;

public sealed class ApiTests : ApiTestBase
{
    [Fact]
    public async Task PostTouchpoint_NewCustomer_ReturnsInviteDecision()
    {
        using var response = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decision = await response.ReadJsonAsync();
        Assert.Equal("invite", decision.GetProperty("outcome").GetString());
        Assert.Equal("E1", decision.GetProperty("eventId").GetString());
        Assert.Equal("transactional", decision.GetProperty("draw").GetProperty("policy").GetString());
        Assert.Equal(1.0, decision.GetProperty("inclusionProbability").GetDouble());
    }

    [Fact]
    public async Task PostTouchpoint_HundredConcurrentForOneCustomer_InvitesOnlyUpToTheCap()
    {
        var posts = Enumerable.Range(0, 100).Select(async i =>
        {
            using var response = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C42", $"E{i}")), Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadJsonAsync();
        });

        var decisions = await Task.WhenAll(posts);

        Assert.Equal(2, decisions.Count(d => d.GetProperty("outcome").GetString() == "invite"));
        Assert.Equal(98, decisions.Count(d => d.TryGetProperty("rule", out var rule) && rule.GetString() == "frequency-cap"));
    }

    [Fact]
    public async Task PostTouchpoint_TwoInstancesOnOneFile_InviteOnlyUpToTheCap()
    {
        using var second = new NpsApiFactory(Database.Path);
        using var secondClient = second.CreateClient();
        var clients = new[] { Client, secondClient };

        var posts = Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await clients[i % 2].PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C7", $"E{i}")), Token);
            return (await response.ReadJsonAsync()).GetProperty("outcome").GetString();
        });

        var outcomes = await Task.WhenAll(posts);

        Assert.Equal(2, outcomes.Count(o => o == "invite"));
    }

    [Fact]
    public async Task PostTouchpoint_SameEventAgain_ReturnsTheFirstDecision()
    {
        using var first = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token);
        using var retry = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token);

        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await retry.Content.ReadAsStringAsync(Token));
        Assert.Equal("invite", (await retry.ReadJsonAsync()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task PostResponse_New_Returns201WithLocationAndCategory()
    {
        using var response = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 10)), Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/responses/R1", response.Headers.Location!.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.Equal(10, body.GetProperty("rating").GetInt32());
        Assert.Equal("promoter", body.GetProperty("category").GetString());
        Assert.Equal("transactional", body.GetProperty("kind").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-03-14T10:05:00+01:00", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("respondedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostResponse_Retried_ReturnsStoredResourceWithoutDuplicate()
    {
        using var first = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1")), Token);
        var retries = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client.PostAsync("/api/responses", Api.Json(Api.Response("R1")), Token)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var stored = await first.Content.ReadAsStringAsync(Token);
        foreach (var retry in retries)
        {
            using (retry)
            {
                Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
                Assert.Equal(stored, await retry.Content.ReadAsStringAsync(Token));
            }
        }
    }

    [Fact]
    public async Task PostResponse_SameIdOtherContent_Returns409()
    {
        using var first = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9)), Token);
        using var other = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 3)), Token);

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        using var get = await Client.GetAsync("/api/responses/R1", Token);
        Assert.Equal(9, (await get.ReadJsonAsync()).GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task PostResponse_ThenTouchpoint_CooldownAfterResponseApplies()
    {
        using var answer = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", respondent: "C9")), Token);
        using var touchpoint = await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C9", "E1")), Token);

        var decision = await touchpoint.ReadJsonAsync();
        Assert.Equal("suppress", decision.GetProperty("outcome").GetString());
        Assert.Equal("cooldown-after-response", decision.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Restart_SameFile_KeepsResponsesDecisionsAndLedger()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1")), Token)).Dispose();
        for (var i = 0; i < 2; i++) (await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C5", $"E{i}")), Token)).Dispose();
        Client.Dispose();
        Factory.Dispose();

        using var restarted = new NpsApiFactory(Database.Path);
        using var client = restarted.CreateClient();
        using var stored = await client.GetAsync("/api/responses/R1", Token);
        using var retry = await client.PostAsync("/api/responses", Api.Json(Api.Response("R1")), Token);
        using var earlier = await client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C5", "E0")), Token);
        using var third = await client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C5", "E2")), Token);

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("invite", (await earlier.ReadJsonAsync()).GetProperty("outcome").GetString());
        Assert.Equal("frequency-cap", (await third.ReadJsonAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task GetResponse_UnknownId_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/responses/nope", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheRoutes()
    {
        using var response = await Client.GetAsync("/openapi/v1.json", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.Equal(
            ["/api/ambitions", "/api/customers/{customerId}", "/api/follow-ups", "/api/follow-ups/{id}", "/api/follow-ups/{id}/status", "/api/huddle", "/api/insights/coaching", "/api/insights/themes", "/api/invitations/{id}/bounce", "/api/reports/nps", "/api/reports/response-rates", "/api/responses", "/api/responses/import", "/api/responses/{id}", "/api/touchpoints"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PostResponse_BodyOverLimit_Returns413()
    {
        var comment = new string('x', 70 * 1024);
        using var response = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1").Replace("Snel geholpen", comment, StringComparison.Ordinal)), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
