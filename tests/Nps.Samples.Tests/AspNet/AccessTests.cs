using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nps.AspNetCore.Security;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// Every route but the health checks and the dashboard's files needs a key of its role; the routes are read from the
/// app, so a new one cannot be forgotten.
/// </summary>
public sealed class AccessTests : ApiTestBase
{
    [Fact]
    public void Endpoints_EveryRouteButHealth_NeedsExactlyOneRolePolicy()
    {
        var unguarded = Routes().Where(r => r.Policies is not ([NpsRoles.Survey] or [NpsRoles.Analyst] or [NpsRoles.Privacy]))
            .Select(r => $"{r.Method} {r.Pattern} ({string.Join(",", r.Policies)})").ToList();

        Assert.Empty(unguarded);
        Assert.Contains(Routes(), r => r is { Method: "POST", Pattern: "/api/touchpoints", Policies: [NpsRoles.Survey] });
        Assert.Contains(Routes(), r => r is { Method: "GET", Pattern: "/api/follow-ups", Policies: [NpsRoles.Analyst] });
        Assert.Contains(Routes(), r => r is { Method: "DELETE", Pattern: "/api/customers/{customerId}", Policies: [NpsRoles.Privacy] });
    }

    [Theory]
    [InlineData(null, "Send a key in the X-Api-Key header.")]
    [InlineData("not-a-configured-key", "The API key is not recognised.")]
    public async Task EveryRoute_NoKeyOrUnknownKey_Returns401Problem(string? key, string detail)
    {
        using var client = Factory.CreateClient(key);
        foreach (var route in Routes())
        {
            using var response = await client.SendAsync(route.Request(), Token);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Pattern}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
            var problem = await response.ReadJsonAsync();
            Assert.Equal("An API key is required.", problem.GetProperty("title").GetString());
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task EveryRoute_KeyOfTheOtherRole_Returns403Problem()
    {
        using var survey = Factory.CreateClient(NpsApiFactory.SurveyKey);
        using var analyst = Factory.CreateClient(NpsApiFactory.AnalystKey);
        foreach (var route in Routes())
        {
            var wrong = route.Policies[0] == NpsRoles.Survey ? analyst : survey;
            using var response = await wrong.SendAsync(route.Request(), Token);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Pattern}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("This API key may not use this route.", (await response.ReadJsonAsync()).GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task EveryRoute_KeyOfItsRole_IsLetThrough()
    {
        using var survey = Factory.CreateClient(NpsApiFactory.SurveyKey);
        using var analyst = Factory.CreateClient(NpsApiFactory.AnalystKey);
        using var privacy = Factory.CreateClient(NpsApiFactory.PrivacyKey);
        foreach (var route in Routes())
        {
            var right = route.Policies[0] switch { NpsRoles.Survey => survey, NpsRoles.Privacy => privacy, _ => analyst };
            using var response = await right.SendAsync(route.Request(), Token);

            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{route.Method} {route.Pattern}");
        }
    }

    [Fact]
    public async Task Healthz_NoKey_Returns200()
    {
        using var client = Factory.CreateClient(key: null);

        using var response = await client.GetAsync("/healthz", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Dashboard_NoKey_ServesThePageWithItsContentSecurityPolicy()
    {
        using var client = Factory.CreateClient(key: null);

        using var page = await client.GetAsync("/", Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Nps.AspNetCore.NpsDashboard.ContentSecurityPolicy, string.Join(";", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<title>NPS dashboard</title>", await page.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyRoute_ForeignHostHeader_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "attacker.example";

        using var response = await Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ReportRoute_OverTheRateLimit_Returns429ProblemWithRetryAfter()
    {
        using var limited = new NpsApiFactory(Database.Path, builder => builder.UseSetting("RateLimiting:PermitLimit", "3"));
        using var analyst = limited.CreateClient(NpsApiFactory.AnalystKey);
        using var survey = limited.CreateClient(NpsApiFactory.SurveyKey);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await analyst.GetAsync("/api/follow-ups", Token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await analyst.GetAsync("/api/follow-ups", Token);
        using var otherHolder = await survey.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many requests.", (await refused.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.OK, otherHolder.StatusCode); // partitioned per key holder
    }

    [Fact]
    public void Endpoints_Anonymous_AreOnlyHealthChecksSurveyPagesAndDashboardFiles()
    {
        var anonymous = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToList();

        Assert.Contains("/healthz/live", anonymous);
        Assert.Contains("/healthz/ready", anonymous);
        Assert.Contains("/js/app.js", anonymous);
        // The survey pages' credential is the token in their path.
        Assert.All(anonymous, path => Assert.True(path.StartsWith("/healthz", StringComparison.Ordinal) || path.StartsWith("/s/{token}", StringComparison.Ordinal) ||
            (!path.StartsWith("/api", StringComparison.Ordinal) && !path.StartsWith("/openapi", StringComparison.Ordinal) && !path.Contains('{', StringComparison.Ordinal)), path));
    }

    /// <summary>Every route of the app but the anonymous ones (health checks, dashboard files), with the policies it names (read from its endpoints).</summary>
    internal static IReadOnlyList<Route> Routes(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                method, "/" + e.RoutePattern.RawText!.TrimStart('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(any key)")]))),
    ];

    private IReadOnlyList<Route> Routes() => Routes(Factory.Services);

    internal sealed record Route(string Method, string Pattern, IReadOnlyList<string> Policies)
    {
        public HttpRequestMessage Request()
        {
            var path = System.Text.RegularExpressions.Regex.Replace(Pattern, "{[^}]+}", "x");
            var request = new HttpRequestMessage(new HttpMethod(Method), path);
            if (Method is "POST" or "PUT" or "PATCH") request.Content = Api.Json("{}");
            return request;
        }
    }
}
