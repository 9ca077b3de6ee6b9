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
        Assert.Equal(["rating must be an integer from 0 to 10, got '11'"], errors["rating"]);
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
            ["'2026-03-14T10:05:00' has no UTC offset; write it as e.g. 2026-03-14T10:05:00+01:00 or 2026-03-14T10:05:00Z"],
            errors["respondedAt"]);
    }

    [Fact]
    public async Task PostResponse_RatingNotANumber_NamesRating()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("\"rating\": 9", "\"rating\": \"ten\"", StringComparison.Ordinal));

        Assert.Equal(["rating"], errors.Keys);
    }

    [Fact]
    public async Task PostResponse_ExtraFieldNotAString_NamesIt()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("\"rating\"", "\"score\": 9, \"rating\"", StringComparison.Ordinal));

        Assert.Equal(["score"], errors.Keys);
        Assert.Equal(["is not a known field; an extra field is a free dimension and must be a string."], errors["score"]);
    }

    [Fact]
    public async Task PostResponse_DuplicateKey_RefusedNamingTheKey()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("\"rating\": 9", "\"rating\": 9, \"rating\": 3", StringComparison.Ordinal));

        Assert.Equal(["rating"], errors.Keys);
        Assert.Contains("'rating'", errors["rating"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostResponse_DuplicateExtraField_RefusedNamingTheKey()
    {
        var errors = await PostExpectingProblemAsync("/api/responses", Api.Response("R1").Replace("\"rating\"", "\"region\": \"North\", \"region\": \"South\", \"rating\"", StringComparison.Ordinal));

        Assert.Equal(["region"], errors.Keys);
        Assert.Contains("'region'", errors["region"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTouchpoint_DuplicateKey_RefusedNamingTheKey()
    {
        using var response = await Client.PostAsync("/api/touchpoints", Api.Json("""{ "eventId": "E1", "eventId": "E2" }"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("eventId", out _));
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

    [Fact]
    public async Task PostResponse_ImplausibleTimeAndProbability_NamesEachField()
    {
        var errors = await PostExpectingProblemAsync("/api/responses",
            Api.Response("R1").Replace("2026-03-14", "9999-03-14", StringComparison.Ordinal).Replace("\"rating\"", "\"inclusionProbability\": 1e-160, \"rating\"", StringComparison.Ordinal));

        Assert.Equal(["inclusionProbability", "respondedAt"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["inclusionProbability gives an inclusion probability of 1E-160, below the plausible minimum of 1E-06"], errors["inclusionProbability"]);
        Assert.StartsWith("respondedAt 9999-03-14T10:05:00+01:00 is in the future", errors["respondedAt"][0], StringComparison.Ordinal);
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
