using System.Net;
using System.Text;
using System.Text.Json;

namespace Nps.Samples.Tests.AspNet;

public sealed class ImportTests : ApiTestBase
{
    private const string Csv = """
        response_id,customer_id,responded_at,rating,team,comment
        R1,C1,2026-03-14T10:05:00+01:00,9,Billing,Snel geholpen
        R2,C2,2026-03-14T10:06:00+01:00,11,Billing,
        R3,C3,2026-03-14T10:07:00+01:00,3,Sales,Te lang gewacht
        """;

    private static StringContent Body(string text, string mediaType) => new(text.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8, mediaType);

    [Fact]
    public async Task Import_CsvWithOneBadRow_StoresTheOthersAndReportsEachRow()
    {
        using var response = await Client.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var totals = document.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("rows").GetInt64());
        Assert.Equal(2, totals.GetProperty("created").GetInt64());
        Assert.Equal(1, totals.GetProperty("invalid").GetInt64());
        var rows = document.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2L, 3L, 4L], rows.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Equal(["created", "invalid", "created"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("R1", rows[0].GetProperty("responseId").GetString());
        var error = Assert.Single(rows[1].GetProperty("errors").EnumerateArray());
        Assert.Equal("rating", error.GetProperty("field").GetString());
        Assert.Equal("rating must be an integer from 0 to 10, got '11'", error.GetProperty("reason").GetString());

        using var stored = await Client.GetAsync("/api/responses/R3", Token);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(3, (await stored.ReadJsonAsync()).GetProperty("rating").GetInt32());
    }

    [Fact]
    public async Task Import_SameBodyAgain_ReportsAlreadyStoredAndAChangedRowAsConflict()
    {
        using var first = await Client.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);
        var changed = Csv.Replace("R3,C3,2026-03-14T10:07:00+01:00,3", "R3,C3,2026-03-14T10:07:00+01:00,4", StringComparison.Ordinal);

        using var second = await Client.PostAsync("/api/responses/import", Body(changed, "text/csv"), Token);

        var rows = (await second.ReadJsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["already-stored", "invalid", "conflict"], rows.Select(r => r.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Import_NulAndOverlongIds_EachRowItsOutcomeAndTheRestStored()
    {
        var lines = string.Join("\n",
            "{\"response_id\":\"N1\",\"responded_at\":\"2026-03-14T10:05:00+01:00\",\"rating\":9,\"comment\":\"goed\\u0000\"}",
            $"{{\"response_id\":\"{new string('x', 3000)}\",\"responded_at\":\"2026-03-14T10:05:00+01:00\",\"rating\":9}}",
            "{\"response_id\":\"N3\",\"responded_at\":\"2026-03-14T10:05:00+01:00\",\"rating\":9,\"team\":\"Billing\"}") + "\n";

        using var response = await Client.PostAsync("/api/responses/import", Body(lines, "application/x-ndjson"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["invalid", "invalid", "created"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(["comment", "responseId"], rows.Take(2).Select(r => r.GetProperty("errors")[0].GetProperty("field").GetString()));
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/jsonl")]
    public async Task Import_JsonLines_StoresEachLine(string mediaType)
    {
        const string lines = """
            {"response_id":"J1","customer_id":"C1","responded_at":"2026-03-14T10:05:00+01:00","rating":10,"team":"Billing"}
            {"response_id":"J2","customer_id":"C2","responded_at":"2026-03-14T10:06:00+01:00","rating":6,"team":"Sales"}
            """;

        using var response = await Client.PostAsync("/api/responses/import", Body(lines, mediaType), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = (await response.ReadJsonAsync()).GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("created").GetInt64());
        using var stored = await Client.GetAsync("/api/responses/J2", Token);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
    }

    [Fact]
    public async Task Import_JsonBody_Returns415()
    {
        using var response = await Client.PostAsync("/api/responses/import", Api.Json("{}"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Import_NoRatingColumn_Returns400NamingIt()
    {
        using var response = await Client.PostAsync("/api/responses/import", Body("response_id,responded_at\nR1,2026-03-14T10:05:00+01:00\n", "text/csv"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("rating", errors.EnumerateObject().Single().Value[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AnalystKey_Returns403()
    {
        using var analyst = Factory.CreateClient(NpsApiFactory.AnalystKey);

        using var response = await analyst.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
