using Microsoft.AspNetCore.Hosting;

namespace Nps.Samples.Tests.AspNet;

/// <summary>An <c>Authentication:Jwt</c> section that would accept too much, or nothing, stops the start with a message naming the setting.</summary>
public sealed class JwtStartupTests : ApiTestBase
{
    [Fact]
    public void Start_SigningKeyShorterThan256Bits_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            JwtTests.Configure(builder);
            builder.UseSetting("Authentication:Jwt:SigningKey", Convert.ToBase64String(new byte[16]));
        });

        Assert.Contains("Authentication:Jwt:SigningKey: must be at least 256 bits (32 bytes, base64); it is 128 bits.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SigningKeyNotBase64_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            JwtTests.Configure(builder);
            builder.UseSetting("Authentication:Jwt:SigningKey", "not base64 at all, even if it is long enough");
        });

        Assert.Contains("Authentication:Jwt:SigningKey: must be base64 (at least 32 random bytes).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SigningKeyWithoutAudienceOrIssuer_IsRefusedNamingBoth()
    {
        var message = StartFailure(builder => builder.UseSetting("Authentication:Jwt:SigningKey", JwtTests.SigningKey));

        Assert.Contains("Authentication:Jwt:Audiences: is empty: name the audience(s) tokens must be issued for (Audiences:0, Audiences:1, …).",
            message, StringComparison.Ordinal);
        Assert.Contains("Authentication:Jwt:Issuers: is empty: a SigningKey needs the issuer(s) its tokens name (Issuers:0, Issuers:1, …).",
            message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_HttpAuthorityOutsideDevelopment_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Authentication:Jwt:Authority", "http://id.example.test/realms/nps");
            builder.UseSetting("Authentication:Jwt:Audiences:0", JwtTests.Audience);
        });

        Assert.Contains("Authentication:Jwt:Authority: must use https outside Development; the 'Production' environment would fetch signing keys " +
            "over plain http (it is 'http://id.example.test/realms/nps').", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AuthorityAndSigningKeyBoth_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            JwtTests.Configure(builder);
            builder.UseSetting("Authentication:Jwt:Authority", "https://id.example.test");
        });

        Assert.Contains("Authentication:Jwt: set Authority (an identity provider) or SigningKey (a shared key), not both.", message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AudienceWithoutAuthorityOrKey_IsRefused()
    {
        var message = StartFailure(builder => builder.UseSetting("Authentication:Jwt:Audiences:0", JwtTests.Audience));

        Assert.Contains("Authentication:Jwt: has issuers or audiences but neither Authority nor SigningKey; set one of them, or remove the " +
            "section to keep JWT bearer authentication off.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ClockSkewOverFiveMinutes_IsRefused()
    {
        var message = StartFailure(builder =>
        {
            JwtTests.Configure(builder);
            builder.UseSetting("Authentication:Jwt:ClockSkewSeconds", "900");
        });

        Assert.Contains("Authentication:Jwt:ClockSkewSeconds: must be from 0 to 300 (it is 900).", message, StringComparison.Ordinal);
    }
}
