using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// A limit on how many requests of one kind run at once in this process, whoever sends them: one concurrency
/// limiter with a short queue (a dashboard opens several views at once; they wait their turn). Beyond the queue the
/// request is answered at once with 503 problem+json and <c>Retry-After</c>, so heavy work cannot pile up until the process runs out of memory or the health probes time
/// out (the health routes are never limited).
/// </summary>
internal abstract class ConcurrencyPolicy(IOptions<NpsWebOptions> options) : IRateLimiterPolicy<string>
{
    /// <summary>The partition (one for the whole process) and its name in the 503's detail.</summary>
    protected abstract string Kind { get; }

    /// <summary>How many requests of this kind may run at once.</summary>
    protected abstract int PermitLimit(NpsWebOptions options);

    /// <summary>How many requests of this kind may wait for a permit (oldest first).</summary>
    protected abstract int QueueLimit(NpsWebOptions options);

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Kind, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = PermitLimit(options.Value), QueueLimit = QueueLimit(options.Value), QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = options.Value.BusyRetryAfterSeconds;
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ProblemWriter.WriteAsync(rejected.HttpContext, StatusCodes.Status503ServiceUnavailable, "The service is busy.",
            $"{PermitLimit(options.Value)} {Kind} already run at once; retry after {seconds} s.");
    }
}
