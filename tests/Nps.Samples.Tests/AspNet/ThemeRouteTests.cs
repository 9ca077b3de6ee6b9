using System.Net;

namespace Nps.Samples.Tests.AspNet;

/// <summary><c>GET /api/insights/themes</c> over the stored responses.</summary>
public sealed class ThemeRouteTests : ApiTestBase
{
    [Fact]
    public async Task GetThemes_StoredComments_CountsTheirThemesWithExamples()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9, respondent: "C1")), Token)).Dispose();
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R2", rating: 10, respondent: "C2")), Token)).Dispose();

        using var response = await Client.GetAsync("/api/insights/themes?includeUnsolicited=true", Token); // posted without invitations

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var analysis = await response.ReadJsonAsync();
        Assert.Equal(2, analysis.GetProperty("commented").GetProperty("count").GetInt64());
        var speed = analysis.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "speed");
        Assert.Equal(2, speed.GetProperty("mentions").GetProperty("count").GetInt64()); // "Snel geholpen"
        Assert.Equal("Snel geholpen", speed.GetProperty("examples")[0].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task GetThemes_ToBeforeFrom_NamesTo()
    {
        using var response = await Client.GetAsync("/api/insights/themes?from=2026-03-01&to=2026-02-01", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["must be later than from."],
            (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("to").EnumerateArray().Select(e => e.GetString()));
    }
}
