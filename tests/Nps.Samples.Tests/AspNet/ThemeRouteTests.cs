using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nps.AspNetCore.Hosting;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// <c>GET /api/insights/themes</c> over the stored responses: answered from the store's theme counts, which the
/// background matcher keeps current (the tests wait on <see cref="NpsThemeMatching.WhenCurrentAsync"/>, never a sleep).
/// </summary>
public sealed class ThemeRouteTests : ApiTestBase
{
    private NpsThemeMatching Matching => Factory.Services.GetRequiredService<NpsThemeMatching>();

    [Fact]
    public async Task GetThemes_StoredComments_CountsTheirThemesWithExamples()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 9, respondent: "C1")), Token)).Dispose();
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R2", rating: 10, respondent: "C2")), Token)).Dispose();
        await Matching.WhenCurrentAsync(Token);

        using var response = await Client.GetAsync("/api/insights/themes?includeUnsolicited=true", Token); // posted without invitations

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var analysis = await response.ReadJsonAsync();
        Assert.Equal(2, analysis.GetProperty("commented").GetProperty("count").GetInt64());
        Assert.Equal(0, analysis.GetProperty("pending").GetInt64());
        var speed = analysis.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "speed");
        Assert.Equal(2, speed.GetProperty("mentions").GetProperty("count").GetInt64()); // "Snel geholpen"
        Assert.Equal("Snel geholpen", speed.GetProperty("examples")[0].GetProperty("comment").GetString());
    }

    [Fact]
    public async Task GetThemes_ImportedBacklog_MatchedInTheBackgroundInPagesAndCountedOnce()
    {
        // More comments than one page of the matcher, stored by one import: the route wakes the matcher.
        var count = 2_500;
        var csv = new StringBuilder("response_id,customer_id,responded_at,rating,team,comment\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"B{i},C{i},2026-03-14T10:05:00+01:00,{i % 11},Billing,{(i % 2 == 0 ? "Snel geholpen" : "Te lang gewacht")}\n");
        }

        using (var import = await Client.PostAsync("/api/responses/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Token))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        await Matching.WhenCurrentAsync(Token);
        using var response = await Client.GetAsync("/api/insights/themes?includeUnsolicited=true", Token);

        var analysis = await response.ReadJsonAsync();
        Assert.Equal(0, analysis.GetProperty("pending").GetInt64());
        Assert.Equal(count, analysis.GetProperty("commented").GetProperty("count").GetInt64());
        var speed = analysis.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "speed");
        Assert.Equal(count, speed.GetProperty("mentions").GetProperty("count").GetInt64()); // quick help and waiting too long: both speed
        Assert.Equal(count, analysis.GetProperty("commentsWithTheme").GetInt64());
        Assert.Equal(0, Matching.Pending);

        // The backlog shows in the readiness check's data and never makes the service unready.
        var health = await Factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Token);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(0L, health.Entries["nps-store"].Data["themes-pending"]);
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
