using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// A stand-in identity provider on a loopback port: OpenID Connect metadata and a JWKS with one RSA key, and tokens
/// signed with it (RS256), so the sample's <c>Authentication:Jwt:Authority</c> path runs as against a real one.
/// </summary>
internal sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    private const string KeyId = "loopback-key-1";

    private readonly RSA rsa = RSA.Create(2048);

    private WebApplication? app;

    private int metadataRequests;

    /// <summary>The issuer URL (<c>http://127.0.0.1:port</c>), also the authority.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>How often the metadata document was fetched.</summary>
    public int MetadataRequests => Volatile.Read(ref metadataRequests);

    public static async Task<LoopbackIdentityProvider> StartAsync(CancellationToken cancellationToken)
    {
        var provider = new LoopbackIdentityProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref provider.metadataRequests);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = provider.Issuer,
                ["jwks_uri"] = provider.Issuer + "/jwks",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/jwks", () =>
        {
            var key = provider.rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(key.Modulus!), ["e"] = Base64UrlEncoder.Encode(key.Exponent!),
                    },
                },
            });
        });
        await app.StartAsync(cancellationToken);
        provider.app = app;
        provider.Issuer = app.Urls.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>An RS256 token from this provider for <paramref name="audience"/>, valid for ten minutes.</summary>
    public string Mint(string audience, string role, string subject = "idp-user-1")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = new[] { role } },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        rsa.Dispose();
    }
}
