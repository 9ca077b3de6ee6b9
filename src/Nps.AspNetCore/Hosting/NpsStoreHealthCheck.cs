using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nps.Intake;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Readiness: the response store answers a read (a lookup of an id no response has), so a database that is down,
/// locked out or unreachable (or not opened yet) makes <c>/healthz/ready</c> answer 503 while <c>/healthz/live</c> stays 200.
/// </summary>
internal sealed class NpsStoreHealthCheck(NpsStartup startup, IServiceProvider services) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "nps-store";

    /// <summary>The data entry with the comments the background theme matcher last saw waiting (<see cref="NpsThemeMatching.Pending"/>).</summary>
    public const string ThemesPendingKey = "themes-pending";

    /// <summary>An id no response is stored under (ids are the caller's, and this one is reserved for the probe).</summary>
    private const string ProbeId = "nps-health-probe";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Until start-up has opened the stores, resolving them here would race it into a second, blocking attempt.
        if (!startup.IsReady) return HealthCheckResult.Unhealthy("Start-up has not finished: " + startup.Status);
        try
        {
            await services.GetRequiredService<IResponseStore>().FindAsync(ProbeId, cancellationToken);

            // The theme matcher's backlog is shown, never judged: counts a little behind still serve.
            IReadOnlyDictionary<string, object>? data = services.GetService<NpsThemeMatching>()?.Pending is { } pending
                ? new Dictionary<string, object> { [ThemesPendingKey] = pending }
                : null;
            return HealthCheckResult.Healthy("The response store answers.", data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The response store does not answer.", exception);
        }
    }
}
