using Nps.AspNetCore.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nps.AspNetCore.Hosting;

namespace Nps.AspNetCore;

/// <summary><c>services.AddNpsWeb()</c>: what the routes of <see cref="NpsWebEndpointRouteBuilderExtensions"/> need.</summary>
public static class NpsWebServiceCollectionExtensions
{
    /// <summary>
    /// Adds problem details for every failure (Kestrel's 400, 408 and 413 keep their status), the report caches
    /// (<see cref="ReportRevalidation"/>, <see cref="ReportBodyCache"/>), the health checks (readiness: start-up finished and the response
    /// store answers a read), the background start-up (<see cref="NpsStartup"/>: the stores opened with retries, then
    /// <c>Nps:SeedFile</c> loaded) and <see cref="NpsWebOptions"/>. The library itself is registered by
    /// <c>AddNps</c>, authentication by the host (or <see cref="Security.NpsApiKeyServiceCollectionExtensions.AddNpsApiKeys"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Renames the role policies, when the host has its own.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNpsWeb(this IServiceCollection services, Action<NpsWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NpsWebOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => !string.IsNullOrWhiteSpace(o.SurveyPolicy) && !string.IsNullOrWhiteSpace(o.AnalystPolicy),
            "NpsWebOptions: SurveyPolicy and AnalystPolicy must name authorisation policies.").ValidateOnStart();
        services.AddNpsProblemResponses();
        services.TryAddSingleton<NpsStartup>();
        services.AddHostedService<NpsStartupService>(); // opens the stores with retries, then loads Nps:SeedFile, after the host listens
        services.AddHealthChecks()
            .AddCheck<NpsStartupHealthCheck>(NpsStartupHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag])
            .AddCheck<NpsStoreHealthCheck>(NpsStoreHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag]);
        services.AddSingleton<ReportBodyCache>(); // the report route's bodies, reused while the store's counts are unchanged
        services.AddSingleton<ReportRevalidation>(); // ETags and 304s for the report routes, with a bounded cache of bodies
        return services;
    }
}
