using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Security;

/// <summary>
/// Checks <c>Authentication:Jwt</c> when the host starts, so a half-configured token check refuses to start instead of
/// accepting too much: a source of keys (an authority or a signing key, not both), a long enough key, issuers for a
/// key, at least one audience, https outside Development.
/// </summary>
public sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (!options.IsConfigured)
        {
            return options.Issuers.Count > 0 || options.Audiences.Count > 0
                ? ValidateOptionsResult.Fail("Authentication:Jwt has issuers or audiences but neither Authority nor SigningKey; " +
                    "set one of them, or remove the section to keep JWT bearer authentication off.")
                : ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var fromProvider = !string.IsNullOrWhiteSpace(options.Authority) || !string.IsNullOrWhiteSpace(options.MetadataAddress);
        if (fromProvider && !string.IsNullOrWhiteSpace(options.SigningKey))
        {
            errors.Add("Authentication:Jwt: set Authority (an identity provider) or SigningKey (a shared key), not both.");
        }

        CheckUrl(errors, "Authority", options.Authority);
        CheckUrl(errors, "MetadataAddress", options.MetadataAddress);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            CheckSigningKey(errors, options.SigningKey);
            if (options.Issuers.Count == 0)
            {
                errors.Add("Authentication:Jwt:Issuers is empty: a SigningKey needs the issuer(s) its tokens name (Authentication:Jwt:Issuers:0).");
            }
        }

        if (options.Audiences.Count == 0)
        {
            errors.Add("Authentication:Jwt:Audiences is empty: name the audience(s) tokens must be issued for (Authentication:Jwt:Audiences:0).");
        }

        CheckEntries(errors, "Issuers", options.Issuers);
        CheckEntries(errors, "Audiences", options.Audiences);
        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            errors.Add("Authentication:Jwt:RoleClaim is empty: name the claim that carries the roles (e.g. role, roles or scope).");
        }

        if (options.ClockSkewSeconds is < 0 or > JwtOptions.MaximumClockSkewSeconds)
        {
            errors.Add($"Authentication:Jwt:ClockSkewSeconds must be between 0 and {JwtOptions.MaximumClockSkewSeconds} (it is {options.ClockSkewSeconds}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The bytes of a base64 signing key, or <see langword="null"/> when it is not base64.</summary>
    internal static byte[]? SigningKeyBytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    private void CheckUrl(List<string> errors, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors.Add($"Authentication:Jwt:{setting} must be an absolute https URL (it is '{value}').");
        }
        else if (url.Scheme == "http" && !environment.IsDevelopment())
        {
            errors.Add($"Authentication:Jwt:{setting} must use https outside Development; the '{environment.EnvironmentName}' environment " +
                $"would fetch signing keys over plain http (it is '{value}').");
        }
    }

    private static void CheckSigningKey(List<string> errors, string key)
    {
        if (SigningKeyBytes(key) is not { } bytes)
        {
            errors.Add($"Authentication:Jwt:SigningKey must be base64 (at least {JwtOptions.MinimumSigningKeyBits / 8} random bytes).");
        }
        else if (bytes.Length * 8 < JwtOptions.MinimumSigningKeyBits)
        {
            errors.Add($"Authentication:Jwt:SigningKey must be at least {JwtOptions.MinimumSigningKeyBits} bits " +
                $"({JwtOptions.MinimumSigningKeyBits / 8} bytes, base64); it is {bytes.Length * 8} bits.");
        }
    }

    private static void CheckEntries(List<string> errors, string setting, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i])) errors.Add($"Authentication:Jwt:{setting}:{i} is empty.");
        }
    }
}
