using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nps.AspNetCore.Hosting;

/// <summary>Readiness: unhealthy until <see cref="NpsStartup"/> is ready (stores open, seed file loaded), with the reason.</summary>
internal sealed class NpsStartupHealthCheck(NpsStartup startup) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "nps-startup";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.IsReady ? HealthCheckResult.Healthy(startup.Status) : HealthCheckResult.Unhealthy(startup.Status));
}
