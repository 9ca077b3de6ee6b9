using System.Net;

namespace Nps.Samples.Tests.AspNet;

public sealed class CustomerRecordTests : ApiTestBase
{
    [Fact]
    public async Task GetCustomer_InvitedAndAnswered_ContactsResponsesFollowUpsAndEligibleAgainAt()
    {
        (await Client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token)).Dispose();
        var answer = Api.Response("R1", rating: 3).Replace("\"responseId\"", "\"eventId\": \"E1\", \"responseId\"", StringComparison.Ordinal);
        (await Client.PostAsync("/api/responses", Api.Json(answer), Token)).Dispose();

        using var get = await Client.GetAsync("/api/customers/C1", Token);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var record = await get.ReadJsonAsync();
        Assert.Equal("C1", record.GetProperty("customerId").GetString());
        var contacts = record.GetProperty("contacts").EnumerateArray().ToList();
        // Oldest first: the test clock stands after the answer's time, so the invitation (decided now) comes second.
        Assert.Equal(["response", "invitation"], contacts.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, contacts[0].GetProperty("eventId").ValueKind);
        Assert.Equal("E1", contacts[1].GetProperty("eventId").GetString());
        Assert.Equal("transactional", contacts[1].GetProperty("surveyKind").GetString());
        Assert.Equal(NpsApiFactory.Now, contacts[1].GetProperty("at").GetDateTimeOffset());
        var response = Assert.Single(record.GetProperty("responses").EnumerateArray());
        Assert.Equal(("R1", 3, "Snel geholpen"), (response.GetProperty("responseId").GetString(), response.GetProperty("rating").GetInt32(), response.GetProperty("comment").GetString()));
        var followUp = Assert.Single(record.GetProperty("followUps").EnumerateArray());
        Assert.Equal(("fu-R1", "open"), (followUp.GetProperty("id").GetString(), followUp.GetProperty("status").GetString()));

        // appsettings.json: a 90-day cooldown after a response (09:05Z) is the longest block.
        Assert.Equal(DateTimeOffset.Parse("2026-06-12T09:05:00Z", System.Globalization.CultureInfo.InvariantCulture), record.GetProperty("eligibleAgainAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetCustomer_Unknown_EmptyAndEligibleNow()
    {
        using var get = await Client.GetAsync("/api/customers/nobody", Token);

        var record = await get.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(0, record.GetProperty("contacts").GetArrayLength());
        Assert.Equal(0, record.GetProperty("responses").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, record.GetProperty("eligibleAgainAt").ValueKind);
    }

    [Fact]
    public async Task PostResponse_Year9999Detractor_400AndTheServerStillStartsAndDecides()
    {
        var poison = Api.Response("R1", rating: 0).Replace("2026-03-14T10:05:00+01:00", "9999-12-31T00:00:00+00:00", StringComparison.Ordinal);

        using var post = await Client.PostAsync("/api/responses", Api.Json(poison), Token);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("respondedAt 9999-12-31T00:00:00+00:00 is in the future (more than 1 day after now, 2026-03-14T12:00:00+00:00)",
            (await post.ReadJsonAsync()).GetProperty("errors").GetProperty("respondedAt")[0].GetString());
        using var restarted = new NpsApiFactory(Database.Path);
        using var client = restarted.CreateClient();
        using var touchpoint = await client.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token);
        using var customer = await client.GetAsync("/api/customers/C1", Token);
        Assert.Equal(HttpStatusCode.OK, touchpoint.StatusCode);
        Assert.Equal("invite", (await touchpoint.ReadJsonAsync()).GetProperty("outcome").GetString());
        Assert.Equal(0, (await customer.ReadJsonAsync()).GetProperty("responses").GetArrayLength());
    }
}
