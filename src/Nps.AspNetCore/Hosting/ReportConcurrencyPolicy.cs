using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// The concurrency limit of the analysts' heavy routes (reports, coaching, themes, huddle, ambitions):
/// <see cref="NpsWebOptions.MaxConcurrentReports"/> at once.
/// </summary>
internal sealed class ReportConcurrencyPolicy(IOptions<NpsWebOptions> options) : ConcurrencyPolicy(options)
{
    /// <summary>The policy's name in the rate limiter.</summary>
    public const string Name = "nps-reports";

    /// <inheritdoc />
    protected override string Kind => "reports";

    /// <inheritdoc />
    protected override int PermitLimit(NpsWebOptions options) => options.MaxConcurrentReports;

    /// <inheritdoc />
    protected override int QueueLimit(NpsWebOptions options) => options.MaxQueuedReports;
}
