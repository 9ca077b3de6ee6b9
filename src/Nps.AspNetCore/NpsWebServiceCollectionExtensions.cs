using System.Diagnostics.CodeAnalysis;
using Nps.AspNetCore.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// (<see cref="ReportRevalidation"/>, <see cref="ReportBodyCache"/>), the health checks (readiness: start-up finished and the response
    /// store answers a read), the background start-up (<see cref="NpsStartup"/>: the stores opened with retries, then
    /// <c>Nps:SeedFile</c> loaded), the retention pass (<c>Nps:Retention</c>, off unless a keeping time is set), the background theme matcher
    /// (<see cref="NpsThemeMatching"/>: the comments stored are matched into the store's theme counts off the request path), the log-level floors that keep
    /// request URLs (customer ids, survey tokens) out of the logs (<c>Nps.AspNetCore.Hosting.RequestLogFloors</c>, documented in docs/privacy.md), a thread-pool minimum that leaves threads for the probes while heavy routes hold theirs on a store whose calls block (<see cref="IStoreThreading"/>: SQLite; <c>Nps.AspNetCore.Hosting.NpsThreadPoolReserve</c>), the concurrency limits of the heavy routes and the import (enforced by
    /// <c>app.UseRateLimiter()</c>) and <see cref="NpsWebOptions"/> (<c>Nps:Web</c>). The library itself is registered by
    /// <c>AddNps</c>, authentication by the host (or <see cref="Security.NpsApiKeyServiceCollectionExtensions.AddNpsApiKeys"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options after <c>Nps:Web</c> is bound, e.g. <c>o =&gt; o with { AnalystPolicy = "reporting" }</c> to use the host's own role policies.</param>
    /// <returns>The services.</returns>
    [RequiresUnreferencedCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    [RequiresDynamicCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    public static IServiceCollection AddNpsWeb(this IServiceCollection services, Func<NpsWebOptions, NpsWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NpsWebOptions>().BindNpsOptions(NpsWebOptions.SectionName);
        if (configure is not null) options.ConfigureNpsOptions(configure);
        options.ValidateNpsOptions(new OptionsPath(NpsWebOptions.SectionName));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy<string, ReportConcurrencyPolicy>(ReportConcurrencyPolicy.Name);
            limiter.AddPolicy<string, ImportConcurrencyPolicy>(ImportConcurrencyPolicy.Name);
        });

        // Request URLs hold customer ids and survey tokens: the categories that log them are floored, in one place.
        services.Configure<LoggerFilterOptions>(RequestLogFloors.Apply);
        services.AddNpsProblemResponses();
        services.TryAddSingleton<NpsStartup>();
        services.AddHostedService<NpsStartupService>(); // opens the stores with retries, then loads Nps:SeedFile, after the host listens
        services.AddHostedService<NpsRetentionService>(); // erases rows past Nps:Retention in batches, once start-up is ready
        services.AddHostedService<NpsThreadPoolReserve>(); // threads for the probes while heavy routes hold theirs, on a store whose calls block (SQLite)
        services.TryAddSingleton<NpsThemeMatching>();
        services.AddHostedService<NpsThemeMatcherService>(); // matches stored comments into the theme counts, off the request path
        services.AddHealthChecks()
            .AddCheck<NpsStartupHealthCheck>(NpsStartupHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag])
            .AddCheck<NpsStoreHealthCheck>(NpsStoreHealthCheck.Name, tags: [NpsHealthChecks.ReadyTag]);
        services.AddSingleton<ReportBodyCache>(); // the report route's bodies, reused while the store's counts are unchanged
        services.AddSingleton<ReportRevalidation>(); // ETags and 304s for the report routes, with a bounded cache of bodies
        AddSurveyPages(services);
        return services;
    }

    /// <summary>What <see cref="NpsSurveyEndpoints.MapNpsSurvey"/> needs: its options (<c>Nps:Survey</c>), antiforgery, its limiter, <see cref="SurveyAnswers"/>.</summary>
    [RequiresUnreferencedCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    [RequiresDynamicCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    private static void AddSurveyPages(IServiceCollection services)
    {
        services.AddOptions<NpsSurveyOptions>().BindNpsOptions(NpsSurveyOptions.SectionName).ValidateNpsOptions(new OptionsPath(NpsSurveyOptions.SectionName));
        services.AddAntiforgery();
        services.TryAddSingleton<SurveyRateLimiter>();
        services.TryAddSingleton(provider => new SurveyAnswers(provider.GetRequiredService<IInvitationStore>(),
            provider.GetRequiredService<ResponseIntake>(), provider.GetRequiredService<TimeProvider>()));
    }
}
