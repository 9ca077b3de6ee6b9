using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nps.Intake;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Readiness: the response store answers a read (a lookup of an id no response has), so a database that is down,
/// locked out or unreachable makes <c>/healthz/ready</c> answer 503 while <c>/healthz/live</c> stays 200.
/// </summary>
internal sealed class NpsStoreHealthCheck(IResponseStore store) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "nps-store";

    /// <summary>An id no response is stored under (ids are the caller's, and this one is reserved for the probe).</summary>
    private const string ProbeId = "nps-health-probe";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.FindAsync(ProbeId, cancellationToken);
            return HealthCheckResult.Healthy("The response store answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The response store does not answer.", exception);
        }
    }
}
