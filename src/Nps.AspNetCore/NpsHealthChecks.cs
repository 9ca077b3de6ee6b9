using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Nps.AspNetCore;

/// <summary>
/// The health routes: <c>/healthz/live</c> (the process answers; no check runs) and <c>/healthz/ready</c> (the store
/// answers a read), with <c>/healthz</c> as an alias of ready. Anonymous and never rate-limited: a probe must not be
/// refused because the same address also sent bad keys.
/// </summary>
public static class NpsHealthChecks
{
    /// <summary>The tag of the checks <c>/healthz/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Maps <c>/healthz/live</c>, <c>/healthz/ready</c> and <c>/healthz</c>.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapNpsHealthChecks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Open(app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }));
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        Open(app.MapHealthChecks("/healthz/ready", ready));
        Open(app.MapHealthChecks("/healthz", ready));
        return app;
    }

    private static void Open(IEndpointConventionBuilder endpoint) => endpoint.AllowAnonymous().DisableRateLimiting();
}
