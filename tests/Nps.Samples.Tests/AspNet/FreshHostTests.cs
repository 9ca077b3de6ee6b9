using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nps.AspNetCore;
using Nps.AspNetCore.Security;
using Nps.Sqlite;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// A host written from the package alone (the lines a new service writes) answers with the same JSON and the same
/// dashboard as the web sample, on the same data and clock.
/// </summary>
public sealed class FreshHostTests : ApiTestBase
{
    private static async Task<WebApplication> StartFreshHostAsync(string databasePath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Services.AddNpsApiKeys(builder.Configuration);
        builder.Services.AddNpsWeb();
        builder.Services.AddNpsSqlite($"Data Source={databasePath}");
        builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(NpsApiFactory.Now));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapNpsHealthChecks();
        app.MapNpsDashboard();
        app.MapNpsApi();
        await app.StartAsync();
        await app.Services.GetRequiredService<Nps.AspNetCore.Hosting.NpsStartup>().WhenReady.WaitAsync(SampleProcess.ReadyBound); // stores opened in the background
        return app;
    }

    /// <summary>The sample's appsettings.json as the tests run it (see <see cref="NpsApiFactory"/>).</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Authentication:ApiKeys:0:Name"] = "test-survey", ["Authentication:ApiKeys:0:Key"] = NpsApiFactory.SurveyKey, ["Authentication:ApiKeys:0:Role"] = "survey",
        ["Authentication:ApiKeys:1:Name"] = "test-analyst", ["Authentication:ApiKeys:1:Key"] = NpsApiFactory.AnalystKey, ["Authentication:ApiKeys:1:Role"] = "analyst",
        ["Nps:SamplingKey"] = NpsApiFactory.TestSamplingKey, ["Nps:DefaultTimeZone"] = "Europe/Amsterdam",
        ["Nps:Sampling:Policies:0:Name"] = "relational", ["Nps:Sampling:Policies:0:Scope:Kind"] = "Relational", ["Nps:Sampling:Policies:0:Rate"] = "1",
        ["Nps:Sampling:Policies:1:Name"] = "transactional", ["Nps:Sampling:Policies:1:Rate"] = "1",
        ["Nps:Reporting:MinimumCount"] = "30", ["Nps:Reporting:Level"] = "0.95", ["Nps:Reporting:Method"] = "AdjustedWald",
    };

    [Fact]
    public async Task FreshHost_SameRequests_AnswersWithTheSampleBodies()
    {
        using var database = new TempDatabase();
        await using var fresh = await StartFreshHostAsync(database.Path);
        using var freshClient = new HttpClient(new RoleKeyHandler { InnerHandler = fresh.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost") };

        string[] writes =
        [
            Api.Response("R1", rating: 9, respondent: "C1"), Api.Response("R2", rating: 10, respondent: "C2"),
            Api.Response("R3", rating: 8, respondent: "C3"), Api.Response("R4", rating: 9, respondent: "C4"),
        ];
        foreach (var body in writes)
        {
            using var sample = await Client.PostAsync("/api/responses", Api.Json(body), Token);
            using var mine = await freshClient.PostAsync("/api/responses", Api.Json(body), Token);
            Assert.Equal(HttpStatusCode.Created, sample.StatusCode);
            Assert.Equal(await sample.Content.ReadAsStringAsync(Token), await mine.Content.ReadAsStringAsync(Token));
        }

        foreach (var path in new[]
        {
            "/api/responses/R2", "/api/reports/nps?by=team", "/api/reports/nps?period=month&level=0.9", "/api/insights/themes",
            "/api/insights/coaching", "/api/follow-ups", "/api/reports/nps?level=2", "/api/responses/missing", "/",
            "/js/app.js", "/css/dashboard.css",
        })
        {
            using var sample = await Client.GetAsync(path, Token);
            using var mine = await freshClient.GetAsync(path, Token);

            Assert.True(sample.StatusCode == mine.StatusCode, $"{path}: {(int)sample.StatusCode} vs {(int)mine.StatusCode}");
            Assert.Equal(sample.Content.Headers.ContentType?.ToString(), mine.Content.Headers.ContentType?.ToString());
            Assert.Equal(WithoutTraceId(await sample.Content.ReadAsStringAsync(Token)), WithoutTraceId(await mine.Content.ReadAsStringAsync(Token)));
        }
    }

    /// <summary>A problem's <c>traceId</c> is the request's own, so it differs between any two requests.</summary>
    private static string WithoutTraceId(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");

    [Fact]
    public async Task FreshHost_NoKey_Returns401ProblemAndHealthStaysOpen()
    {
        using var database = new TempDatabase();
        await using var fresh = await StartFreshHostAsync(database.Path);
        using var client = fresh.GetTestClient();

        using var refused = await client.GetAsync("/api/follow-ups", Token);
        using var ready = await client.GetAsync("/healthz/ready", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
