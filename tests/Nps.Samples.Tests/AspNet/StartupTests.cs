using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nps.Samples.AspNet.Api;

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
            "Authentication:ApiKeys is empty: the 'Production' environment needs API keys configured " +
            "(Authentication:ApiKeys:0:Name, :Key and :Role = survey or analyst).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithTheDevelopmentKeys_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Authentication:ApiKeys:1:Key", "analyst-dev-key");
        });

        Assert.Contains("Authentication:ApiKeys:1:Key is a Development key; the 'Production' environment needs keys of its own.", message,
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

    /// <summary>
    /// The messages of the start's failure. WebApplicationFactory can lose the race with the failed host's disposal
    /// and throw an <see cref="ObjectDisposedException"/> of its own instead of the start's exception
    /// (dotnet/aspnetcore#33494); such an attempt says nothing about the start, so it is repeated, at most 5 times.
    /// </summary>
    private string StartFailure(Action<IWebHostBuilder> configure, bool withTestKeys = true)
    {
        Exception? exception = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var factory = new NpsApiFactory(Database.Path, configure, withTestKeys);
            exception = Record.Exception(() => factory.CreateClient());
            if (exception is not ObjectDisposedException { ObjectName: "IServiceProvider" }) break;
        }

        Assert.NotNull(exception);
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is OptionsValidationException validation) messages.AddRange(validation.Failures);
        }

        return string.Join("\n", messages);
    }
}
