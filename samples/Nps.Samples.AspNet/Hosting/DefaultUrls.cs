namespace Nps.Samples.AspNet.Hosting;

/// <summary>
/// Listens on <see cref="Loopback"/> only when nothing else says where: <c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> or <c>Kestrel:Endpoints</c> always win (appsettings.json names no URL, since a
/// file's <c>Urls</c> would override the environment variable).
/// </summary>
public static class DefaultUrls
{
    /// <summary>The address used when none is configured.</summary>
    public const string Loopback = "http://127.0.0.1:5080";

    /// <summary>Applies <see cref="Loopback"/> if no address is configured.</summary>
    public static WebApplicationBuilder UseLoopbackUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration["urls"]) || !string.IsNullOrEmpty(configuration["http_ports"]) ||
            !string.IsNullOrEmpty(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured) builder.WebHost.UseUrls(Loopback);
        return builder;
    }
}
