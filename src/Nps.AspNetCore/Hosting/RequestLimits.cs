using Microsoft.AspNetCore.Server.Kestrel.Core;
using Nps.AspNetCore.Api;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Kestrel's own request limits: bodies above <see cref="JsonBody.MaxBytes"/> (declared or chunked) fail with
/// 413, bodies arriving slower than <c>Limits:MinRequestBodyBytesPerSecond</c> after the grace period with 408;
/// <see cref="ProblemResponses"/> turns both into problem+json.
/// </summary>
public static class RequestLimits
{
    /// <summary>Kestrel's default minimum body rate (bytes per second).</summary>
    public const double DefaultMinBytesPerSecond = 240;

    /// <summary>Kestrel's default grace period before the minimum rate applies.</summary>
    public const double DefaultGracePeriodSeconds = 5;

    /// <summary>Sets the body size and rate limits from configuration (<c>Limits:*</c>).</summary>
    public static WebApplicationBuilder AddNpsRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits");
        var bytesPerSecond = limits.GetValue("MinRequestBodyBytesPerSecond", DefaultMinBytesPerSecond);
        var grace = TimeSpan.FromSeconds(limits.GetValue("RequestBodyGracePeriodSeconds", DefaultGracePeriodSeconds));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond, grace);
        });
        return builder;
    }
}
