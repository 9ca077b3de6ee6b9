using System.Net;
using System.Text.Json;

namespace Nps.Samples.Tests.AspNet;

public sealed class BadInputTests : ApiTestBase
{
    [Fact]
    public async Task PostResponse_RatingEleven_NamesRating()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1", rating: 11));

        Assert.Equal(["rating"], errors.Keys);
        Assert.Equal(["must be a whole number from 0 to 10 (it is 11)."], errors["rating"]);
    }

    [Fact]
    public async Task PostResponse_MissingFields_NamesEachOne()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", """{ "comment": "no id, no rating, no time" }""");

        Assert.Equal(["rating", "respondedAt", "responseId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Equal(["is required."], messages));
    }

    [Fact]
    public async Task PostResponse_TimeWithoutOffset_NamesRespondedAt()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("+01:00", "", StringComparison.Ordinal));

        Assert.Equal(
            ["'2026-03-14T10:05:00' is not an ISO 8601 time with a UTC offset, e.g. 2026-03-14T10:00:00+01:00 or 2026-03-14T09:00:00Z."],
            errors["respondedAt"]);
    }

    [Fact]
    public async Task PostResponse_RatingNotANumber_NamesRating()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("\"rating\": 9", "\"rating\": \"ten\"", StringComparison.Ordinal));

        Assert.Equal(["rating"], errors.Keys);
    }

    [Fact]
    public async Task PostResponse_UnknownField_NamesIt()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("\"comment\"", "\"commment\"", StringComparison.Ordinal));

        Assert.Equal(["commment"], errors.Keys);
    }

    [Fact]
    public async Task PostResponse_NotJson_NamesTheBody()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", "rating=9");

        Assert.Equal(["$"], errors.Keys);
    }

    [Fact]
    public async Task PostTouchpoint_MissingIdsBadKindAndZone_NamesEachField()
    {
        var errors = await PostExpectingProblemAsync("/api/touchpoints",
            """{ "occurredAt": "2026-03-14T10:00:00", "kind": "weekly", "timeZoneId": "Mars/Olympus" }""");

        Assert.Equal(["customerId", "eventId", "kind", "occurredAt", "timeZoneId"], errors.Keys.Order(StringComparer.Ordinal));
    }

    private async Task<Dictionary<string, string[]>> PostExpectingProblemAsync(string path, string json)
    {
        using var response = await Client.PostAsync(path, Api.Json(json), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(), StringComparer.Ordinal);
    }
}
