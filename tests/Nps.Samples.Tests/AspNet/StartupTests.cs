using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Nps.AspNetCore.Api;

namespace Nps.Samples.Tests.AspNet;

/// <summary>What stops the start (configuration that is unsafe) and what must not (stored data).</summary>
public sealed class StartupTests : ApiTestBase
{
    private const string SampleKey = "ZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZQ==";

    [Fact]
    public void Start_ProductionWithTheSampleSamplingKey_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Nps:SamplingKey", SampleKey);
        });

        Assert.Contains(
            "Nps:SamplingKey is the published sample key; the 'Production' environment needs a secret key of its own " +
            "(at least 16 random bytes, base64, e.g. from Nps__SamplingKey).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithoutApiKeys_IsRefused()
    {
        var message = StartFailure(builder => builder.UseEnvironment("Production"), withTestKeys: false);

        Assert.Contains(
            "Authentication:ApiKeys: is empty: the 'Production' environment needs API keys configured " +
            "(ApiKeys:0:Name, :Key and :Role = survey, analyst or privacy) or JWT bearer authentication (Authentication:Jwt).",
            message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithTheDevelopmentKeys_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Authentication:ApiKeys:1:Key", "analyst-dev-key");
        });

        Assert.Contains("Authentication:ApiKeys:1:Key: is a Development key; the 'Production' environment needs keys of its own.", message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DevelopmentWithTheShippedKeys_Serves()
    {
        using var development = new NpsApiFactory(Database.Path, builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Nps:SamplingKey", SampleKey);
        }, withTestKeys: false);
        using var client = development.CreateClient("analyst-dev-key");

        using var response = await client.GetAsync("/api/follow-ups", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
