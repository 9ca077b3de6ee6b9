using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Nps.Samples.Tests.AspNet;

public sealed class HuddleRouteTests : IDisposable
{
    private const string Csv = """
        response_id,customer_id,responded_at,rating,team,comment,callback_requested
        H1,C1,2026-03-10T10:05:00+01:00,10,Billing,Snel en vriendelijk geholpen,false
        H2,C2,2026-03-11T10:06:00+01:00,2,Billing,Te lang in de wacht,true
        H3,C3,2026-03-12T10:07:00+01:00,9,Billing,,false
        H4,C4,2026-03-12T11:07:00+01:00,4,Sales,Niemand belde terug,false
        H5,C5,2026-03-03T11:07:00+01:00,8,Billing,,false
        """;

    private readonly TempDatabase _database = new();

    private readonly string _ambitions = Path.Combine(Path.GetTempPath(), $"nps-ambitions-{Guid.NewGuid():N}.json");

    private readonly NpsApiFactory _factory;

    private readonly HttpClient _client;

    public HuddleRouteTests()
    {
        File.WriteAllText(_ambitions, """
            { "ambitions": [ { "dimension": "team", "value": "Billing", "target": 40, "by": "2026-12-31", "baseline": { "from": "2026-03-01", "to": "2026-03-07" } } ] }
            """);
        _factory = new NpsApiFactory(_database.Path, builder => builder.UseSetting("Nps:AmbitionsFile", _ambitions));
        _client = _factory.CreateClient();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task ImportAsync()
    {
        using var body = new StringContent(Csv.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv");
        using var response = await _client.PostAsync("/api/responses/import?historical=true", body, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Huddle_TeamAndWeek_ReturnsTheBriefOfThatWeek()
    {
        await ImportAsync();

        using var response = await _client.GetAsync("/api/huddle?team=Billing&week=2026-W11", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var brief = await response.ReadJsonAsync();
        Assert.Equal("Billing", brief.GetProperty("team").GetString());
        Assert.Equal("2026-W11", brief.GetProperty("period").GetString());
        Assert.Equal(3, brief.GetProperty("score").GetProperty("count").GetInt64());
        Assert.Equal(["H2"], brief.GetProperty("callbacks").EnumerateArray().Select(c => c.GetProperty("responseId").GetString()));
        Assert.Equal(1, brief.GetProperty("followUps").GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Huddle_NoTeam_Returns400NamingIt()
    {
        using var response = await _client.GetAsync("/api/huddle?week=2026-W11", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("is required, e.g. team=Billing.", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("team")[0].GetString());
    }

    [Fact]
    public async Task Huddle_BadWeek_Returns400NamingIt()
    {
        using var response = await _client.GetAsync("/api/huddle?team=Billing&week=2026-11", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be an ISO week such as 2026-W11, got '2026-11'.", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("week")[0].GetString());
    }

    [Fact]
    public async Task Ambitions_AsOfAndWindow_ReturnsEachAmbitionWithItsWindow()
    {
        await ImportAsync();

        using var response = await _client.GetAsync("/api/ambitions?asOf=2026-03-14&windowDays=7", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ambition = Assert.Single((await response.ReadJsonAsync()).GetProperty("ambitions").EnumerateArray());
        Assert.Equal("Billing", ambition.GetProperty("value").GetString());
        Assert.Equal(1, ambition.GetProperty("baseline").GetProperty("count").GetInt64());
        Assert.Equal("2026-03-08", ambition.GetProperty("current").GetProperty("from").GetString());
        Assert.Equal(3, ambition.GetProperty("current").GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Ambitions_BadWindow_Returns400NamingIt()
    {
        using var response = await _client.GetAsync("/api/ambitions?windowDays=0", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be a whole number of days from 1 to 3653; got '0'.", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("windowDays")[0].GetString());
    }

    [Theory]
    [InlineData("/api/huddle?team=Billing&week=0001-W01", "week")]
    [InlineData("/api/huddle?team=Billing&from=0001-01-01&to=9999-12-31", "to")]
    [InlineData("/api/huddle?team=Billing&from=9999-12-25&to=9999-12-31", "from")]
    [InlineData("/api/ambitions?asOf=0001-01-01", "asOf")]
    [InlineData("/api/ambitions?windowDays=2147483647", "windowDays")]
    public async Task Route_DateAtTheEdgeOfTheCalendar_Returns400NamingIt(string url, string field)
    {
        using var response = await _client.GetAsync(url, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _database.Dispose();
        File.Delete(_ambitions);
    }
}
