using System.Net;
using System.Text.Json;

namespace Nps.Samples.Tests.AspNet;

/// <summary><c>limit</c> and <c>cursor</c> on <c>GET /api/follow-ups</c>.</summary>
public sealed class PagingTests : ApiTestBase
{
    [Fact]
    public async Task ListFollowUps_WalkedByCursor_ReturnsEveryItemExactlyOnce()
    {
        for (var i = 0; i < 23; i++)
        {
            using var post = await Client.PostAsync("/api/responses", Api.Json(Api.Response($"R{i:D2}", rating: i % 7, respondent: $"C{i}")), Token);
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        var seen = new List<string>();
        var pages = 0;
        for (var next = "/api/follow-ups?limit=5"; next is not null && pages < 20; pages++)
        {
            using var page = await Client.GetAsync(next, Token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var items = (await page.ReadJsonAsync()).EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
            Assert.InRange(items.Count, 1, 5);
            seen.AddRange(items);
            next = NextLink(page);
        }

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Count);
        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"fu-R{i:D2}").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListFollowUps_LongestIds_LinkStaysSmallAndCarriesNoId()
    {
        var ids = Enumerable.Range(0, 3).Select(i => $"{i}" + new string('x', 255)).ToList(); // 256 bytes, the longest id accepted
        foreach (var id in ids)
        {
            using var post = await Client.PostAsync("/api/responses", Api.Json(Api.Response(id, rating: 1, respondent: "C" + id[0])), Token);
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        using var page = await Client.GetAsync("/api/follow-ups?limit=1", Token);
        var next = NextLink(page);

        Assert.NotNull(next);
        Assert.InRange(next!.Length, 1, 200);
        Assert.DoesNotContain("eHh4", next, StringComparison.Ordinal); // "xxx" in base64url
        Assert.Equal(52, Nps.AspNetCore.Api.Paging.TimeThenId(DateTimeOffset.UnixEpoch, new string('x', 300_000)).Length);
    }

    [Fact]
    public async Task ListFollowUps_FewerThanTheLimit_HasNoNextLink()
    {
        (await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 1)), Token)).Dispose();

        using var page = await Client.GetAsync("/api/follow-ups", Token);

        Assert.Single((await page.ReadJsonAsync()).EnumerateArray());
        Assert.Null(NextLink(page));
    }

    [Theory]
    [InlineData("limit=0", "limit", "'0' is not a page size: a whole number from 1 to 1000.")]
    [InlineData("limit=1001", "limit", "'1001' is not a page size: a whole number from 1 to 1000.")]
    [InlineData("limit=ten", "limit", "'ten' is not a page size: a whole number from 1 to 1000.")]
    [InlineData("limit=1e9", "limit", "'1e9' is not a page size: a whole number from 1 to 1000.")]
    [InlineData("limit=1000000000", "limit", "'1000000000' is not a page size: a whole number from 1 to 1000.")]
    [InlineData("cursor=abc", "cursor", "'abc' is not a cursor from this list; send the one from the Link header.")]
    [InlineData("cursor=c1.aGVsbG8", "cursor", "'c1.aGVsbG8' is not a cursor from this list; send the one from the Link header.")] // valid base64url, not a position
    [InlineData("team=%20", "team", "is empty: give a team name, or leave team out for every team.")]
    public async Task ListFollowUps_BadPagingValue_NamesTheField(string query, string field, string message)
    {
        using var response = await Client.GetAsync("/api/follow-ups?" + query, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ListFollowUps_TeamAndStatus_OnlyThatTeamIgnoringCaseWalkedByCursor()
    {
        for (var i = 0; i < 9; i++)
        {
            var body = Api.Response($"T{i}", rating: 2, respondent: $"C{i}").Replace("\"Billing\"", i % 3 == 0 ? "\"Sales\"" : i % 2 == 0 ? "\"BILLING\"" : "\"billing\"", StringComparison.Ordinal);
            using var post = await Client.PostAsync("/api/responses", Api.Json(body), Token);
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        }

        using (var contacted = await Client.PostAsync("/api/follow-ups/fu-T1/status", Api.Json("""{ "status": "contacted" }"""), Token))
        {
            Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
        }

        var seen = new List<string>();
        var pages = 0;
        for (var next = "/api/follow-ups?team=Billing&status=open&limit=2"; next is not null && pages < 10; pages++)
        {
            using var page = await Client.GetAsync(next, Token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var items = (await page.ReadJsonAsync()).EnumerateArray().ToList();
            Assert.All(items, f => Assert.Equal("billing", f.GetProperty("ownerTeam").GetString(), StringComparer.OrdinalIgnoreCase));
            seen.AddRange(items.Select(f => f.GetProperty("id").GetString()!));
            next = NextLink(page);
            if (next is not null) Assert.Contains("team=Billing", next, StringComparison.Ordinal);
        }

        Assert.Equal(["fu-T2", "fu-T4", "fu-T5", "fu-T7", "fu-T8"], seen.Order(StringComparer.Ordinal));
        Assert.Equal(3, pages);
    }

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links)) return null;
        var link = Assert.Single(links);
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
