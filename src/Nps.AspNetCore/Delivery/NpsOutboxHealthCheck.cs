using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// Readiness of the outbox: while the service runs, it is stuck when no pass has ended, or the passes have stayed behind
/// (failing, full batches, nothing sent while work waits), for longer than <see cref="NpsDeliveryOptions.StuckAfter"/>
/// (plus one poll interval). Then <c>/healthz/ready</c> answers with the registration's failure status. Healthy while
/// delivery is off.
/// </summary>
internal sealed class NpsOutboxHealthCheck(NpsOutboxState state, IOptions<NpsDeliveryOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>The check's name in the health report.</summary>
    public const string Name = "nps-outbox";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!state.Running) return Task.FromResult(HealthCheckResult.Healthy("Delivery is off (no SMTP host and no sender registered) or stopped."));
        var limit = options.Value.StuckAfter + options.Value.PollInterval;
        var (behind, why, lastPass) = state.Read(timeProvider.GetUtcNow());
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["behindSeconds"] = Math.Round(behind.TotalSeconds, 1),
            ["lastPass"] = lastPass?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        };
        return Task.FromResult(behind > limit
            ? new HealthCheckResult(context.Registration.FailureStatus, string.Create(CultureInfo.InvariantCulture, $"The outbox is stuck: {why}, for {behind.TotalMinutes:0.#} minutes."), data: data)
            : HealthCheckResult.Healthy("The outbox keeps up.", data));
    }
}
