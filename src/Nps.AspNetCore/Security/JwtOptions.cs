namespace Nps.AspNetCore.Security;

/// <summary>
/// JWT bearer authentication beside the API keys, bound from <c>Authentication:Jwt</c>. Off unless
/// <see cref="Authority"/>, <see cref="MetadataAddress"/> or <see cref="SigningKey"/> is set; validated at start by
/// <see cref="JwtOptionsValidator"/>.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The configuration section the settings are bound from.</summary>
    public const string Section = "Authentication:Jwt";

    /// <summary>The claim that carries the roles unless <see cref="RoleClaim"/> names another.</summary>
    public const string DefaultRoleClaim = "role";

    /// <summary>The clock skew allowed by default, in seconds.</summary>
    public const int DefaultClockSkewSeconds = 60;

    /// <summary>The largest clock skew accepted, in seconds.</summary>
    public const int MaximumClockSkewSeconds = 300;

    /// <summary>The shortest symmetric signing key accepted, in bits (HMAC-SHA256 needs a key as long as its output).</summary>
    public const int MinimumSigningKeyBits = 256;

    /// <summary>
    /// The identity provider's issuer URL (https outside Development); its OpenID Connect metadata
    /// (<c>/.well-known/openid-configuration</c>) supplies the signing keys and the issuer.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The metadata document's URL, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>A shared HMAC key (base64, at least 256 bits) for tests and small deployments that mint their own tokens.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The accepted <c>iss</c> values; required with <see cref="SigningKey"/>, else taken from the metadata too.</summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>The accepted <c>aud</c> values (at least one): the identifier the provider issues tokens for this service under.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>
    /// The claim whose values are the caller's roles (<c>survey</c>, <c>analyst</c>): a string, an array of strings or a
    /// space-separated list, so <c>role</c>, <c>roles</c> (Microsoft Entra ID, RFC 9068) and <c>scope</c> all work.
    /// </summary>
    public string RoleClaim { get; set; } = DefaultRoleClaim;

    /// <summary>How far <c>exp</c> and <c>nbf</c> may be off against this host's clock, in seconds (0 to 300).</summary>
    public int ClockSkewSeconds { get; set; } = DefaultClockSkewSeconds;

    /// <summary>Whether JWT bearer authentication is on: an authority, a metadata address or a signing key is set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(SigningKey);
}
