using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, one fixed window per caller: an API key's holder, a bearer token's subject (so a new
/// token for the same subject shares its window), or the client IP before a caller is known:
/// <c>RateLimiting:PermitLimit</c> requests per <c>RateLimiting:WindowSeconds</c>; beyond that 429 problem+json
/// with <c>Retry-After</c>.
/// </summary>
public static class RateLimiting
{
    /// <summary>Requests per window by default.</summary>
    public const int DefaultPermitLimit = 600;

    /// <summary>The window length by default.</summary>
    public const int DefaultWindowSeconds = 60;

    /// <summary>Registers the global, partitioned limiter.</summary>
    public static IServiceCollection AddNpsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var permits = section.GetValue("PermitLimit", DefaultPermitLimit);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", DefaultWindowSeconds));
        if (permits < 1) throw new InvalidOperationException($"RateLimiting:PermitLimit must be at least 1 (it is {permits}).");
        if (window <= TimeSpan.Zero) throw new InvalidOperationException($"RateLimiting:WindowSeconds must be positive (it is {window.TotalSeconds}).");

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
                }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// The scheme and the caller's name once authenticated (the key's name, or the token's <c>sub</c>), else the
    /// client address. The scheme keeps a key named like a token subject out of that subject's window.
    /// </summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name, AuthenticationType: var scheme }
            ? scheme + ":" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"The rate limit for this client is reached; retry after {seconds} s.");
    }
}
