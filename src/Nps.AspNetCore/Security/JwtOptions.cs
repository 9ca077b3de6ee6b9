using System.Globalization;
using System.Text;

namespace Nps.AspNetCore.Security;

/// <summary>
/// JWT bearer authentication beside the API keys, bound from <c>Authentication:Jwt</c>. Off unless
/// <see cref="Authority"/>, <see cref="MetadataAddress"/> or <see cref="SigningKey"/> is set. Checks itself
/// (<see cref="IValidatableOptions"/>), so a half-configured token check refuses to start instead of accepting too
/// much: a source of keys (an authority or a signing key, not both), a long enough key, issuers for a key, at least one
/// audience; <c>AddNpsApiKeys</c> adds, at start-up, that the addresses use https outside Development.
/// </summary>
public sealed record JwtOptions : IValidatableOptions
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
    public string? Authority { get; init; }

    /// <summary>The metadata document's URL, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; init; }

    /// <summary>A shared HMAC key (base64, at least 256 bits) for tests and small deployments that mint their own tokens.</summary>
    public string? SigningKey { get; init; }

    /// <summary>The accepted <c>iss</c> values; required with <see cref="SigningKey"/>, else taken from the metadata too.</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>The accepted <c>aud</c> values (at least one): the identifier the provider issues tokens for this service under.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>
    /// The claim whose values are the caller's roles (<c>survey</c>, <c>analyst</c>): a string, an array of strings or a
    /// space-separated list, so <c>role</c>, <c>roles</c> (Microsoft Entra ID, RFC 9068) and <c>scope</c> all work.
    /// </summary>
    public string RoleClaim { get; init; } = DefaultRoleClaim;

    /// <summary>How far <c>exp</c> and <c>nbf</c> may be off against this host's clock, in seconds (0 to 300).</summary>
    public int ClockSkewSeconds { get; init; } = DefaultClockSkewSeconds;

    /// <summary>Whether JWT bearer authentication is on: an authority, a metadata address or a signing key is set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var issuers = path.Then(nameof(Issuers));
        var audiences = path.Then(nameof(Audiences));
        if (!IsConfigured)
        {
            if (Issuers is { Count: > 0 } || Audiences is { Count: > 0 })
            {
                errors.Add(path, "has issuers or audiences but neither Authority nor SigningKey; set one of them, or remove the section to keep JWT bearer authentication off.");
            }

            return;
        }

        var fromProvider = !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);
        if (fromProvider && !string.IsNullOrWhiteSpace(SigningKey))
        {
            errors.Add(path, "set Authority (an identity provider) or SigningKey (a shared key), not both.");
        }

        CheckUrl(errors, path.Then(nameof(Authority)), Authority);
        CheckUrl(errors, path.Then(nameof(MetadataAddress)), MetadataAddress);
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            // The key is a secret: its errors carry no value.
            if (SigningKeyBytes(SigningKey) is not { } bytes)
            {
                errors.Add(path.Then(nameof(SigningKey)), $"must be base64 (at least {MinimumSigningKeyBits / 8} random bytes).");
            }
            else if (bytes.Length * 8 < MinimumSigningKeyBits)
            {
                errors.Add(path.Then(nameof(SigningKey)), $"must be at least {MinimumSigningKeyBits} bits ({MinimumSigningKeyBits / 8} bytes, base64); it is {bytes.Length * 8} bits.");
            }

            if (Issuers is not { Count: > 0 }) errors.Add(issuers, "is empty: a SigningKey needs the issuer(s) its tokens name (Issuers:0, Issuers:1, …).");
        }

        if (Audiences is not { Count: > 0 }) errors.Add(audiences, "is empty: name the audience(s) tokens must be issued for (Audiences:0, Audiences:1, …).");
        CheckEntries(errors, issuers, Issuers);
        CheckEntries(errors, audiences, Audiences);
        if (string.IsNullOrWhiteSpace(RoleClaim)) errors.Add(path.Then(nameof(RoleClaim)), "is empty: name the claim that carries the roles (e.g. role, roles or scope).");
        errors.Range(path.Then(nameof(ClockSkewSeconds)), ClockSkewSeconds, 0, MaximumClockSkewSeconds);
    }

    /// <summary>The bytes of a base64 signing key, or <see langword="null"/> when it is not base64.</summary>
    internal static byte[]? SigningKeyBytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The addresses that are set and absolute http(s) URLs, with their paths (the host checks their scheme against its environment).</summary>
    internal IEnumerable<(OptionsPath Path, Uri Url)> Urls(OptionsPath path)
    {
        if (Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme is "https" or "http") yield return (path.Then(nameof(Authority)), authority);
        if (Uri.TryCreate(MetadataAddress, UriKind.Absolute, out var metadata) && metadata.Scheme is "https" or "http") yield return (path.Then(nameof(MetadataAddress)), metadata);
    }

    private static void CheckUrl(ICollection<DataError> errors, OptionsPath path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors.Add(path, $"must be an absolute https URL (it is '{value}').", value);
        }
    }

    private static void CheckEntries(ICollection<DataError> errors, OptionsPath path, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            errors.Add(path, "must not be null.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i])) errors.Add(path.At(i), "is empty.");
        }
    }

    // The signing key stays out of logs and exception messages that print the options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"Authority = {Authority}, MetadataAddress = {MetadataAddress}, SigningKey = {(SigningKey is null ? "" : "***")}, Issuers = [{string.Join(", ", Issuers ?? [])}], Audiences = [{string.Join(", ", Audiences ?? [])}], RoleClaim = {RoleClaim}, ClockSkewSeconds = {ClockSkewSeconds}");
        return true;
    }
}
