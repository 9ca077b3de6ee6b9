using Microsoft.Net.Http.Headers;

namespace Nps.Samples.AspNet.Hosting;

/// <summary>
/// The dashboard at <c>/</c>: static files from wwwroot (HTML, CSS, ES modules; no build step), served before
/// authentication because they hold no data. The page asks for the analyst key and sends it with every API call.
/// </summary>
public static class Dashboard
{
    /// <summary>Only this origin's scripts, styles and API; no inline script, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Serves <c>index.html</c> at <c>/</c> and the files beside it.</summary>
    public static WebApplication UseNpsDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.CacheControl] = "no-cache"; // revalidate: a new build is seen at once
            },
        });
        return app;
    }
}
