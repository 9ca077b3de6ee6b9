using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nps.AspNetCore.Security;

/// <summary>
/// What the sample adds to ASP.NET Core's JWT bearer handler: the roles read from the configured claim, a subject
/// required (it names the caller in logs and in the rate limiter), and 401/403 answered with problem+json and an
/// RFC 6750 <c>WWW-Authenticate: Bearer</c> challenge. The token itself is never logged or echoed.
/// </summary>
internal sealed class NpsJwtBearerEvents(string roleClaim, int? sharedKeyBits) : JwtBearerEvents
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

        // No extension of RFC 7515 is understood here, so a token that marks one critical must be refused (4.1.11).
        if (context.SecurityToken is JsonWebToken token && token.TryGetHeaderValue<object>(CriticalHeader, out var critical))
        {
            context.Fail($"The token's '{CriticalHeader}' header names {CriticalNames(critical)}, which this service does not understand.");
            return Task.CompletedTask;
        }

        // A role claim may be one string, an array (one claim per element) or a space-separated list (scope-style).
        var roles = identity.FindAll(roleClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // The identity's role type is the .NET one; a token may carry a claim of that name, which grants nothing
        // unless it is the configured role claim (its values were read above).
        foreach (var claim in identity.FindAll(ClaimTypes.Role).ToList()) identity.RemoveClaim(claim);
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            if (!identity.HasClaim(ClaimTypes.Role, role)) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return Task.CompletedTask;
    }

    /// <summary>The JWS header that lists extensions a recipient must understand (RFC 7515, 4.1.11).</summary>
    public const string CriticalHeader = "crit";

    private static string CriticalNames(object? critical)
    {
        var names = critical switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ToString()),
            IEnumerable<object> values => values.Select(v => v?.ToString() ?? ""),
            _ => [critical?.ToString() ?? ""],
        };
        return string.Join(", ", names.Select(n => $"'{HeaderSafe(n)}'"));
    }

    /// <inheritdoc />
    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var description = context.AuthenticateFailure switch
        {
            not null when AlgorithmTooLong(context.HttpContext) is { } tooLong => tooLong,
            SecurityTokenInvalidAudienceException { InvalidAudience: null } => "The audience is invalid", // not "The audience '(null)' is invalid"
            SecurityTokenSignatureKeyNotFoundException when sharedKeyBits is not null => "The signature is invalid", // one key: "not found" means it does not verify
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
    /// Why a token signed with the shared key under an algorithm whose hash is longer than the key fails (IdentityModel
    /// says only that no key verifies it): HS384 needs 384 bits, HS512 512 (RFC 7518, 3.2).
    /// </summary>
    private string? AlgorithmTooLong(HttpContext http)
    {
        if (sharedKeyBits is not { } bits) return null;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(JwtBearerDefaults.AuthenticationScheme + " ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var algorithm = new JsonWebToken(header[(JwtBearerDefaults.AuthenticationScheme.Length + 1)..].Trim()).Alg;
            return ConfigureJwtBearer.HmacKeyBits.TryGetValue(algorithm, out var needed) && needed > bits
                ? $"The algorithm {algorithm} needs a signing key of at least {needed} bits (RFC 7518, 3.2)"
                : null;
        }
        catch (ArgumentException)
        {
            return null; // not a JWT at all: IdentityModel's own description stands
        }
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
