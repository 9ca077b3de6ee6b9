using Microsoft.AspNetCore.Mvc;
using Nps.AspNetCore.Api;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Writes a problem+json answer from middleware (authentication, the rate limiter). ASP.NET Core's problem details
/// writer declines a request whose <c>Accept</c> names neither JSON nor <c>*/*</c> (a browser's <c>text/html</c>);
/// the status still needs a body that says why, so the problem is then written as JSON all the same.
/// </summary>
internal static class ProblemWriter
{
    /// <summary>Sets <paramref name="status"/> and writes the problem with <paramref name="title"/> and <paramref name="detail"/>.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext { HttpContext = http };
        context.ProblemDetails.Status = status;
        context.ProblemDetails.Title = title;
        context.ProblemDetails.Detail = detail;
        if (await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(context)) return;
        await http.Response.WriteAsJsonAsync(context.ProblemDetails, ApiJsonContext.Default.ProblemDetails, "application/problem+json", http.RequestAborted);
    }
}
