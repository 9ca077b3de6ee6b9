using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Nps.Samples.Tests.AspNet;

/// <summary>The health routes, the answer to a browser without a key, and no-store on personal data.</summary>
public sealed class HostingFixTests : ApiTestBase
{
    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    [InlineData("/healthz")]
    public async Task Health_NoKey_Returns200Healthy(string path)
    {
        using var client = Factory.CreateClient(key: null);

        using var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Health_AfterTheAddressIsRateLimitedByBadKeys_StillReturns200()
    {
        using var limited = new NpsApiFactory(Database.Path, builder => builder.UseSetting("RateLimiting:PermitLimit", "3"));
        using var bad = limited.CreateClient("not-a-configured-key");
        HttpStatusCode last = default;
        for (var i = 0; i < 5 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var refused = await bad.GetAsync("/api/follow-ups", Token);
            last = refused.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last); // the address's window is used up
        foreach (var path in new[] { "/healthz/live", "/healthz/ready", "/healthz" })
        {
            using var health = await bad.GetAsync(path, Token);
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"{path}: {(int)health.StatusCode}");
        }
    }

    [Fact]
    public async Task Ready_StoreDoesNotAnswer_Returns503WhileLiveReturns200()
    {
        using var broken = new NpsApiFactory(Database.Path, builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(UnreachableStore.Create())));
        using var client = broken.CreateClient(key: null);

        using var ready = await client.GetAsync("/healthz/ready", Token);
        using var live = await client.GetAsync("/healthz/live", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9")]
    public async Task ApiRoute_BrowserAcceptsHtmlWithoutKey_Returns401Problem(string accept)
    {
        using var client = Factory.CreateClient(key: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/follow-ups");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("An API key is required.", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ApiRoute_BrowserAcceptsHtmlWithWrongRole_Returns403Problem()
    {
        using var client = Factory.CreateClient(NpsApiFactory.SurveyKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/follow-ups");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/customers/C1")]
    [InlineData("/api/huddle?team=Billing")]
    [InlineData("/api/insights/themes")]
    [InlineData("/api/follow-ups")]
    [InlineData("/api/follow-ups/nope")]
    [InlineData("/api/responses/R1")]
    [InlineData("/api/responses/nope")]
    public async Task PersonalDataRoute_Get_SendsCacheControlNoStore(string path)
    {
        using var stored = await Client.PostAsync("/api/responses", Api.Json(Api.Response("R1", rating: 3)), Token);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        using var response = await Client.GetAsync(path, Token);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    /// <summary>A response store whose database is gone: every call fails as a driver's would.</summary>
    public class UnreachableStore : System.Reflection.DispatchProxy
    {
        public static Nps.Intake.IResponseStore Create() => Create<Nps.Intake.IResponseStore, UnreachableStore>();

        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("The database is unreachable.");
    }
}
