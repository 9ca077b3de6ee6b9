using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Nps.AspNetCore;

/// <summary>
/// The analysts' dashboard at <c>/</c>: HTML, CSS and ES modules (no build step) embedded in this assembly with a
/// manifest, so any host serves the same files without copying a wwwroot. Each file is one anonymous route (the
/// page holds no data; every API call it makes sends the analyst key), so nothing else becomes public: an unknown
/// path still meets the host's fallback policy.
/// </summary>
public static class NpsDashboard
{
    /// <summary>Only this origin's scripts, styles and API; no inline script, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The embedded folder the files are under.</summary>
    private const string Root = "wwwroot";

    /// <summary>Maps <c>/</c> (the page) and every file beside it, anonymous and outside the rate limiter.</summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapNpsDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new ManifestEmbeddedFileProvider(typeof(NpsDashboard).Assembly, Root);
        var types = new FileExtensionContentTypeProvider();
        foreach (var path in Paths(files, "/"))
        {
            var file = files.GetFileInfo(path);
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Read(file)))[..32]}\"");
            var route = app.MapGet(path, (HttpContext context) => Serve(context, file, type, tag));
            route.AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
            if (path == "/index.html")
            {
                app.MapGet("/", (HttpContext context) => Serve(context, file, type, tag)).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
            }
        }

        return app;
    }

    private static FileStreamHttpResult Serve(HttpContext context, IFileInfo file, string type, EntityTagHeaderValue tag)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = new StringValues("no-cache"); // revalidate: a new build is seen at once
        return TypedResults.Stream(file.CreateReadStream(), type, lastModified: file.LastModified, entityTag: tag);
    }

    private static IEnumerable<string> Paths(IFileProvider files, string folder)
    {
        foreach (var entry in files.GetDirectoryContents(folder))
        {
            var path = folder.TrimEnd('/') + "/" + entry.Name;
            if (entry.IsDirectory)
            {
                foreach (var inner in Paths(files, path)) yield return inner;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static byte[] Read(IFileInfo file)
    {
        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
