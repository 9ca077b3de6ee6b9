using Nps.AspNetCore.Api;
using Nps.AspNetCore.Hosting;

namespace Nps.AspNetCore;

/// <summary><c>services.AddNpsWeb()</c>: what the routes of <see cref="NpsWebEndpointRouteBuilderExtensions"/> need.</summary>
public static class NpsWebServiceCollectionExtensions
{
    /// <summary>
    /// Adds problem details for every failure (Kestrel's 400, 408 and 413 keep their status), the report caches
    /// (<see cref="ReportRevalidation"/>, <see cref="ReportBodyCache"/>), the health checks (a readiness check that
    /// reads the response store), the concurrency limits of the heavy routes and the import (enforced by
    /// <c>app.UseRateLimiter()</c>) and <see cref="NpsWebOptions"/>. The library itself is registered by
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
            "NpsWebOptions: SurveyPolicy and AnalystPolicy must name authorisation policies.")
            .Validate(o => o.MaxConcurrentReports >= 1 && o.MaxConcurrentImports >= 1 && o.BusyRetryAfterSeconds >= 1,
                "NpsWebOptions: MaxConcurrentReports, MaxConcurrentImports and BusyRetryAfterSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy<string, ReportConcurrencyPolicy>(ReportConcurrencyPolicy.Name);
            limiter.AddPolicy<string, ImportConcurrencyPolicy>(ImportConcurrencyPolicy.Name);
        });
        services.AddNpsProblemResponses();
        services.AddHealthChecks().AddCheck<NpsStoreHealthCheck>(NpsStoreHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag]);
        services.AddSingleton<ReportBodyCache>(); // the report route's bodies, reused while the store's counts are unchanged
        services.AddSingleton<ReportRevalidation>(); // ETags and 304s for the report routes, with a bounded cache of bodies
        return services;
    }
}
