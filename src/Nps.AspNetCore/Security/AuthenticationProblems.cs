using Nps.AspNetCore.Hosting;

namespace Nps.AspNetCore.Security;

/// <summary>The problem+json body of a 401 or 403, the same for every scheme.</summary>
internal static class AuthenticationProblems
{
    /// <summary>Writes <paramref name="status"/> with <paramref name="title"/> and <paramref name="detail"/>.</summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string detail) => ProblemWriter.WriteAsync(http, status, title, detail);
}
