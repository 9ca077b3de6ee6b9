using Nps.AspNetCore.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nps.AspNetCore.Hosting;
using Nps.AspNetCore.Survey;
using Nps.Delivery;
using Nps.Intake;

namespace Nps.AspNetCore;

/// <summary><c>services.AddNpsWeb()</c>: what the routes of <see cref="NpsWebEndpointRouteBuilderExtensions"/> need.</summary>
public static class NpsWebServiceCollectionExtensions
{
    /// <summary>
    /// Adds problem details for every failure (Kestrel's 400, 408 and 413 keep their status), the report caches
    /// (<see cref="ReportRevalidation"/>, <see cref="ReportBodyCache"/>), the health checks (a readiness check that
    /// reads the response store) and <see cref="NpsWebOptions"/>. The library itself is registered by
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
        services.AddHealthChecks().AddCheck<NpsStoreHealthCheck>(NpsStoreHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag]);
        services.AddSingleton<ReportBodyCache>(); // the report route's bodies, reused while the store's counts are unchanged
        services.AddSingleton<ReportRevalidation>(); // ETags and 304s for the report routes, with a bounded cache of bodies
        AddSurveyPages(services);
        return services;
    }

    /// <summary>What <see cref="NpsSurveyEndpoints.MapNpsSurvey"/> needs: its options (<c>Nps:Survey</c>), antiforgery, its limiter, <see cref="SurveyAnswers"/>.</summary>
    private static void AddSurveyPages(IServiceCollection services)
    {
        services.AddOptions<NpsSurveyOptions>().BindConfiguration(NpsSurveyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NpsSurveyOptions>, NpsSurveyOptionsValidator>());
        services.AddAntiforgery();
        services.TryAddSingleton<SurveyRateLimiter>();
        services.TryAddSingleton(provider => new SurveyAnswers(provider.GetRequiredService<IInvitationStore>(),
            provider.GetRequiredService<ResponseIntake>(), provider.GetRequiredService<TimeProvider>()));
        // A survey URL is a credential, and ASP.NET Core's request lines (hosting), route matching and bad-request
        // details write the URL below these levels: those lines are not written, whatever the host's log levels.
        services.Configure<LoggerFilterOptions>(filters =>
        {
            filters.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            filters.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Information);
            filters.AddFilter("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information);
        });
    }
}
