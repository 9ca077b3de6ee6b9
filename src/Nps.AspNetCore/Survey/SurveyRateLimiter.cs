using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Survey;

/// <summary>
/// The <c>/s/</c> routes' limiter: ASP.NET Core's fixed windows chained, one per token (guessing one link, or hammering
/// it) and one per client address (trying many links), so a request needs a permit from both.
/// </summary>
internal sealed class SurveyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public SurveyRateLimiter(IOptions<NpsSurveyOptions> options)
    {
        var limits = options.Value.RateLimit;
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                TokenOf(context), _ => Window(limits.PerToken, window))),
            PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(limits.PerAddress, window))));
    }

    /// <summary>A permit for this request, or the seconds to wait.</summary>
    public (bool Acquired, int RetryAfterSeconds) TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        if (lease.IsAcquired) return (true, 0);
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        return (false, seconds);
    }

    public void Dispose() => _limiter.Dispose();

    // A malformed token shares one window, so junk paths cannot grow the table of partitions.
    private static string TokenOf(HttpContext context) =>
        context.Request.RouteValues["token"] is string token && Nps.Delivery.SurveyTokens.IsWellFormed(token) ? token : "";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
