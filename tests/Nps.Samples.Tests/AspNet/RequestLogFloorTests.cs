using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nps.AspNetCore;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// <c>AddNpsWeb</c>'s log floors: the categories that write request URLs (customer ids, survey tokens) stay at their
/// floor even when the host's configuration names them at <c>Trace</c>; every other category follows the host.
/// </summary>
public sealed class RequestLogFloorTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)]
    [InlineData("Microsoft.AspNetCore.Routing.Matching.DfaMatcher", LogLevel.Warning)]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Information)]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information)]
    public void AddNpsWeb_HostConfiguresTheCategoryAtTrace_StillFloored(string category, LogLevel floor)
    {
        using var services = ServicesWithEveryCategoryAtTrace();

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(floor - 1), $"{category} is written at {floor - 1}");
        Assert.True(logger.IsEnabled(floor), $"{category} is not written at {floor}");
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler")]
    [InlineData("Nps.AspNetCore.Hosting.NpsStartupService")]
    public void AddNpsWeb_OtherCategory_FollowsTheHost(string category)
    {
        using var services = ServicesWithEveryCategoryAtTrace();

        Assert.True(services.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public void AddNpsWeb_HostLogsAspNetCoreAtWarning_FloorsNeverAddLines()
    {
        using var provider = Services(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LogLevel:Default"] = "Information",
            ["LogLevel:Microsoft.AspNetCore"] = "Warning",
        });
        var loggers = provider.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel.BadRequests").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Nps.AspNetCore.Hosting.NpsStartupService").IsEnabled(LogLevel.Information));
    }

    private static ServiceProvider ServicesWithEveryCategoryAtTrace() => Services(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["LogLevel:Default"] = "Trace",
        ["LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["LogLevel:Microsoft.AspNetCore.Routing"] = "Trace",
        ["LogLevel:Microsoft.AspNetCore.Routing.Matching"] = "Trace",
        ["LogLevel:Microsoft.AspNetCore.Server.Kestrel.BadRequests"] = "Trace",
    });

    /// <summary>The services of <c>AddNpsWeb</c> with the host's logging configuration <paramref name="settings"/>.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration).AddProvider(new CapturingLoggerProvider()));
        services.AddNpsWeb();
        return services.BuildServiceProvider();
    }
}
