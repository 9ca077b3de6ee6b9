using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Security;

/// <summary>
/// The <c>ApiKey</c> authentication scheme: the <c>X-Api-Key</c> header names a configured key, which becomes a
/// principal with the key's name and role. A missing header is no result (401 if the route needs a key), an
/// unknown key a failure; both challenges and forbids answer with problem+json. While JWT bearer authentication is
/// configured the challenge offers both schemes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    IOptions<JwtOptions> jwt)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count > 1) return Task.FromResult(AuthenticateResult.Fail($"Send one {HeaderName} header, not {values.Count}."));
        if (keys.Find(values[0]!) is not { } key) return Task.FromResult(AuthenticateResult.Fail("The API key is not recognised."));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role)], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var keyChallenge = $"{SchemeName} header=\"{HeaderName}\"";
        if (jwt.Value.IsConfigured)
        {
            Response.Headers.WWWAuthenticate = new([keyChallenge, JwtBearerDefaults.AuthenticationScheme]);
            await AuthenticationProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "An API key or a bearer token is required.",
                result.Failure?.Message ?? $"Send a key in the {HeaderName} header or a token in the Authorization header: Bearer <token>.");
            return;
        }

        Response.Headers.WWWAuthenticate = keyChallenge;
        await AuthenticationProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "An API key is required.",
            result.Failure?.Message ?? $"Send a key in the {HeaderName} header.");
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        return AuthenticationProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This API key may not use this route.",
            $"The key has the role '{role}'; this route needs another role.");
    }
}

/// <summary>The configured keys, compared in constant time by their SHA-256 hashes.</summary>
public sealed class ApiKeyRing(IOptions<ApiKeyOptions> options)
{
    private readonly (byte[] Hash, ApiKey Key)[] keys =
        [.. options.Value.ApiKeys.Where(k => !string.IsNullOrEmpty(k.Key)).Select(k => (Hash(k.Key), k))];

    /// <summary>The configured key equal to <paramref name="presented"/>, or <see langword="null"/>.</summary>
    public ApiKey? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKey? found = null;
        foreach (var (candidate, key) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate)) found = key; // no early exit: the time says nothing
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
