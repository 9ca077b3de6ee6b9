using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Nps.AspNetCore.Security;

/// <summary>
/// Turns <see cref="JwtOptions"/> into the options of ASP.NET Core's <see cref="JwtBearerHandler"/>: keys from the
/// authority's metadata or the shared key (HMAC only, so a token cannot pick another algorithm, and never
/// <c>none</c>; HS384 and HS512 only with a key as long as their hash), the issuers and audiences, <c>exp</c> required, claims kept under their JWT names (no inbound mapping: roles come from the configured claim only). IdentityModel
/// checks <c>exp</c> and <c>nbf</c> against the system clock: its time-provider hook is not public, and the sample
/// does not re-implement lifetime checks to reach the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConfigureJwtBearer(IOptions<JwtOptions> settings, IHostEnvironment environment)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <inheritdoc />
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme) Configure(options);
    }

    /// <inheritdoc />
    public void Configure(JwtBearerOptions options)
    {
        var jwt = settings.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = true;
        options.SaveToken = false;
        var sharedKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : JwtOptions.SigningKeyBytes(jwt.SigningKey);
        options.Events = new NpsJwtBearerEvents(jwt.RoleClaim, sharedKey is null ? null : sharedKey.Length * 8);
        if (!string.IsNullOrWhiteSpace(jwt.Authority)) options.Authority = jwt.Authority;
        if (!string.IsNullOrWhiteSpace(jwt.MetadataAddress)) options.MetadataAddress = jwt.MetadataAddress;
        options.RequireHttpsMetadata = !environment.IsDevelopment(); // JwtOptionsValidator refuses http outside Development

        var parameters = options.TokenValidationParameters;
        parameters.AuthenticationType = JwtBearerDefaults.AuthenticationScheme;
        parameters.NameClaimType = NpsJwtBearerEvents.SubjectClaim;
        parameters.RoleClaimType = ClaimTypes.Role; // filled from jwt.RoleClaim by NpsJwtBearerEvents.TokenValidated
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds);
        parameters.ValidAudiences = [.. jwt.Audiences];
        if (jwt.Issuers.Count > 0) parameters.ValidIssuers = [.. jwt.Issuers];
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey) && JwtOptions.SigningKeyBytes(jwt.SigningKey) is { } key)
        {
            parameters.IssuerSigningKey = new SymmetricSecurityKey(key);
            parameters.ValidateIssuerSigningKey = true;
            parameters.ValidAlgorithms = HmacAlgorithms(key.Length * 8);
        }
    }

    /// <summary>
    /// The HMAC algorithms a key of <paramref name="bits"/> may verify: RFC 7518 (3.2) requires a key at least as
    /// long as the hash, so HS384 needs 384 bits and HS512 512; a shorter key would weaken the longer hash.
    /// </summary>
    internal static string[] HmacAlgorithms(int bits) =>
        [.. HmacKeyBits.Where(pair => bits >= pair.Value).Select(pair => pair.Key)];

    /// <summary>Each HMAC algorithm and the shortest key it may be used with, in bits.</summary>
    internal static readonly IReadOnlyDictionary<string, int> HmacKeyBits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [SecurityAlgorithms.HmacSha256] = 256, [SecurityAlgorithms.HmacSha384] = 384, [SecurityAlgorithms.HmacSha512] = 512,
    };
}
