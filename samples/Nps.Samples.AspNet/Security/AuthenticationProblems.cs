namespace Nps.Samples.AspNet.Security;

/// <summary>The problem+json body of a 401 or 403, the same for every scheme.</summary>
internal static class AuthenticationProblems
{
    /// <summary>Writes <paramref name="status"/> with <paramref name="title"/> and <paramref name="detail"/>.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext { HttpContext = http };
        context.ProblemDetails.Status = status;
        context.ProblemDetails.Title = title;
        context.ProblemDetails.Detail = detail;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(context);
    }
}
