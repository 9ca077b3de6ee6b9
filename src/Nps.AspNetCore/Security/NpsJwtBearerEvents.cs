using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Nps.AspNetCore.Security;

/// <summary>
/// What the sample adds to ASP.NET Core's JWT bearer handler: the roles read from the configured claim, a subject
/// required (it names the caller in logs and in the rate limiter), and 401/403 answered with problem+json and an
/// RFC 6750 <c>WWW-Authenticate: Bearer</c> challenge. The token itself is never logged or echoed.
/// </summary>
internal sealed class NpsJwtBearerEvents(string roleClaim, bool sharedKey) : JwtBearerEvents
{
    /// <summary>The claim that names the caller (and its rate-limit partition).</summary>
    public const string SubjectClaim = "sub";

    /// <inheritdoc />
    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || string.IsNullOrEmpty(identity.FindFirst(SubjectClaim)?.Value))
        {
            context.Fail($"The token has no '{SubjectClaim}' claim; the service names and rate-limits a caller by its subject.");
            return Task.CompletedTask;
        }

        // A role claim may be one string, an array (one claim per element) or a space-separated list (scope-style).
        var roles = identity.FindAll(roleClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            if (!identity.HasClaim(ClaimTypes.Role, role)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var description = context.AuthenticateFailure switch
        {
            SecurityTokenInvalidAudienceException { InvalidAudience: null } => "The audience is invalid", // not "The audience '(null)' is invalid"
            SecurityTokenSignatureKeyNotFoundException when sharedKey => "The signature is invalid", // one key: "not found" means it does not verify
            _ => context.ErrorDescription,
        };
        var challenge = JwtBearerDefaults.AuthenticationScheme;
        if (!string.IsNullOrEmpty(context.Error))
        {
            challenge += $" error=\"{context.Error}\"";
            if (!string.IsNullOrEmpty(description)) challenge += $", error_description=\"{HeaderSafe(description)}\"";
        }

        context.Response.Headers.Append("WWW-Authenticate", challenge);
        var detail = context.AuthenticateFailure switch
        {
            null => "Send a token in the Authorization header: Bearer <token>.",
            _ when !string.IsNullOrEmpty(description) => description + ".",
            var failure => failure.Message,
        };
        return AuthenticationProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "A valid bearer token is required.", detail);
    }

    /// <summary>
    /// The description as a quoted-string a response header can carry: it may quote the token's own <c>iss</c> or
    /// <c>aud</c>, and a control or non-ASCII character there would make Kestrel refuse the header (a 500, not a 401).
    /// </summary>
    private static string HeaderSafe(string description)
    {
        var safe = string.Create(Math.Min(description.Length, MaximumDescriptionLength), description, static (span, text) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = text[i] is >= ' ' and <= '~' and not '"' and not '\\' ? text[i] : '?';
        });
        return safe.Length < description.Length ? safe + "..." : safe;
    }

    private const int MaximumDescriptionLength = 200;

    /// <inheritdoc />
    public override Task Forbidden(ForbiddenContext context)
    {
        var roles = context.HttpContext.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var detail = roles.Count == 0
            ? $"The token has no role in its '{roleClaim}' claim; this route needs {NpsRoles.Survey} or {NpsRoles.Analyst}."
            : $"The token has the role(s) '{string.Join("', '", roles)}'; this route needs another role.";
        return AuthenticationProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "This token may not use this route.", detail);
    }
}
