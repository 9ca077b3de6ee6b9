using System.Net;
using System.Text;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nps.AspNetCore;
using ResponseImport = Nps.AspNetCore.Api.ResponseImport;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;

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
    public async Task Import_CsvWithOneBadRow_StoresTheOthersAndListsOnlyTheRejectedRow()
    {
        using var response = await Client.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        var totals = document.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("rows").GetInt64());
        Assert.Equal(2, totals.GetProperty("created").GetInt64());
        Assert.Equal(1, totals.GetProperty("invalid").GetInt64());
        Assert.Equal(0, totals.GetProperty("failed").GetInt64());
        Assert.Equal(0, document.GetProperty("rejectedNotListed").GetInt64());
        var rejected = Assert.Single(document.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3L, rejected.GetProperty("line").GetInt64());
        Assert.Equal("invalid", rejected.GetProperty("outcome").GetString());
        var error = Assert.Single(rejected.GetProperty("errors").EnumerateArray());
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

        var document = await second.ReadJsonAsync();
        Assert.Equal(1, document.GetProperty("totals").GetProperty("alreadyStored").GetInt64());
        var rows = document.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(["invalid", "conflict"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal([3L, 4L], rows.Select(r => r.GetProperty("line").GetInt64()));
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
        var document = await response.ReadJsonAsync();
        Assert.Equal(1, document.GetProperty("totals").GetProperty("created").GetInt64());
        var rows = document.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(["invalid", "invalid"], rows.Select(r => r.GetProperty("outcome").GetString()));
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
    public async Task Import_MoreRejectedRowsThanTheCap_ListsTheFirstHundredAndCountsTheRest()
    {
        var body = new StringBuilder("response_id,responded_at,rating\n");
        for (var i = 0; i < 250; i++) body.Append(CultureInfo.InvariantCulture, $"B{i},2026-03-14T10:05:00+01:00,{(i % 2 == 0 ? "11" : "9")}\n");

        using var response = await Client.PostAsync("/api/responses/import", Body(body.ToString(), "text/csv"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.Equal(125, document.GetProperty("totals").GetProperty("created").GetInt64());
        Assert.Equal(125, document.GetProperty("totals").GetProperty("invalid").GetInt64());
        var rejected = document.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(ResponseImport.DefaultMaxRejectedRows, rejected.Count);
        Assert.Equal(2L, rejected[0].GetProperty("line").GetInt64());
        Assert.Equal(25, document.GetProperty("rejectedNotListed").GetInt64());
    }

    [Fact]
    public async Task Import_StoreFailsOnOneRow_MarksItFailedAndStoresTheRest()
    {
        using var factory = new NpsApiFactory(Database.Path, builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IResponseStore));
            services.Remove(original);
            services.AddSingleton<IResponseStore>(provider => new FailingResponseStore(Resolve(provider, original), failOn: "F2"));
        }));
        using var client = factory.CreateClient();
        const string csv = "response_id,responded_at,rating\nF1,2026-03-14T10:05:00+01:00,9\nF2,2026-03-14T10:05:00+01:00,9\nF3,2026-03-14T10:05:00+01:00,9\n";

        using var response = await client.PostAsync("/api/responses/import", Body(csv, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.Equal(2, document.GetProperty("totals").GetProperty("created").GetInt64());
        Assert.Equal(1, document.GetProperty("totals").GetProperty("failed").GetInt64());
        var failed = Assert.Single(document.GetProperty("rejected").EnumerateArray());
        Assert.Equal("F2", failed.GetProperty("responseId").GetString());
        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        using var stored = await client.GetAsync("/api/responses/F3", Token);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
    }

    [Fact]
    public async Task Import_BeyondTheConcurrencyLimit_Returns503WithRetryAfter()
    {
        using var factory = new NpsApiFactory(Database.Path, builder => builder.ConfigureTestServices(services =>
            services.AddOptions<NpsWebOptions>().ConfigureNpsOptions(options => options with { MaxConcurrentImports = 1 })));
        using var client = factory.CreateClient();
        // The first import holds its permit while its body is still arriving.
        var pipe = new Pipe();
        using var held = new StreamContent(pipe.Reader.AsStream());
        held.Headers.ContentType = new("text/csv");
        var first = client.PostAsync("/api/responses/import", held, Token);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("response_id,responded_at,rating\nH1,2026-03-14T10:05:00+01:00,9\nH2,"), Token);
        await Until(async () =>
        {
            using var stored = await client.GetAsync("/api/responses/H1", Token);
            return stored.StatusCode == HttpStatusCode.OK;
        });

        using var second = await client.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);
        using var health = await client.GetAsync("/healthz/live", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("2026-03-14T10:06:00+01:00,9\n"), Token);
        await pipe.Writer.CompleteAsync();
        using var done = await first;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var third = await client.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (at most 500 times, 20 ms apart).</summary>
    private static async Task Until(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (await condition()) return;
            await Task.Delay(20, Token);
        }
        Assert.Fail("The condition never held.");
    }

    private static IResponseStore Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IResponseStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>A store that fails unexpectedly on one response id, as a database error the field rules did not foresee.</summary>
    private sealed class FailingResponseStore(IResponseStore inner, string failOn) : IResponseStore
    {
        public ValueTask<(StoredResponse Stored, bool Added)> AddAsync(StoredResponse response, ContactRecord? contact, FollowUpCase? followUp,
            CancellationToken cancellationToken = default) =>
            response.Response.ResponseId == failOn
                ? throw new InvalidOperationException("the database refused the row")
                : inner.AddAsync(response, contact, followUp, cancellationToken);

        public ValueTask<StoredResponse?> FindAsync(string responseId, CancellationToken cancellationToken = default) => inner.FindAsync(responseId, cancellationToken);

        public ValueTask<ResponsePage> ListAsync(int limit, string? cursor = null, CancellationToken cancellationToken = default) => inner.ListAsync(limit, cursor, cancellationToken);

        public ValueTask<IReadOnlyList<StoredResponse>> ListByRespondentAsync(string respondentId, CancellationToken cancellationToken = default) =>
            inner.ListByRespondentAsync(respondentId, cancellationToken);

        public IAsyncEnumerable<StoredResponse> ReadAsync(DateTimeOffset? start = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(start, until, cancellationToken);
    }

    [Fact]
    public async Task Import_AnalystKey_Returns403()
    {
        using var analyst = Factory.CreateClient(NpsApiFactory.AnalystKey);

        using var response = await analyst.PostAsync("/api/responses/import", Body(Csv, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
