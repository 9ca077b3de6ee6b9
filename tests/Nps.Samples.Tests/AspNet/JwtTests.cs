using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Nps.AspNetCore.Security;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// JWT bearer tokens beside the API keys: tokens minted here with <see cref="JsonWebTokenHandler"/> and the shared
/// signing key of the test configuration, sent as <c>Authorization: Bearer</c>.
/// </summary>
public sealed class JwtTests() : ApiTestBase(Configure)
{
    internal const string Issuer = "https://id.nps.test";

    internal const string Audience = "nps-api";

    /// <summary>A 256-bit key (32 bytes), base64 as the configuration takes it.</summary>
    internal static readonly string SigningKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("jwt-tests-signing-key-0123456789"));

    private const string Report = "/api/reports/nps?by=team";

    [Fact]
    public async Task Report_AnalystToken_Returns200()
    {
        using var response = await SendAsync(Report, Mint());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Report_SurveyToken_Returns403Problem()
    {
        using var response = await SendAsync(Report, Mint(role: "survey"));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "This token may not use this route.",
            "The token has the role(s) 'survey'; this route needs another role.");
    }

    [Fact]
    public async Task Report_TokenWithoutRole_Returns403Problem()
    {
        using var response = await SendAsync(Report, Mint(role: null));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "This token may not use this route.",
            "The token has no role in its 'role' claim; this route needs survey or analyst.");
    }

    [Fact]
    public async Task Touchpoint_SurveyToken_Returns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/touchpoints") { Content = Api.Json(Api.Touchpoint("C1", "E1")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Mint(role: "survey"));

        using var response = await Bare.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Report_ExpiredToken_Returns401WithBearerChallenge()
    {
        var expires = AnHourAgo(); // far beyond the 60 s skew

        using var response = await SendAsync(Report, Mint(expires: expires));

        await AssertInvalidTokenAsync(response, $"The token expired at '{expires.ToString(System.Globalization.CultureInfo.InvariantCulture)}'");
    }

    [Fact]
    public async Task Report_TokenNotYetValid_Returns401()
    {
        var expires = AnHourAgo().AddHours(3); // nbf is 20 minutes before exp: 100 minutes from now

        using var response = await SendAsync(Report, Mint(expires: expires));

        var notBefore = expires.AddMinutes(-20).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await AssertInvalidTokenAsync(response, $"The token is not valid before '{notBefore}'");
    }

    [Fact]
    public async Task Report_WrongAudience_Returns401()
    {
        using var response = await SendAsync(Report, Mint(audience: "another-api"));

        await AssertInvalidTokenAsync(response, "The audience is invalid");
    }

    [Fact]
    public async Task Report_WrongIssuer_Returns401()
    {
        using var response = await SendAsync(Report, Mint(issuer: "https://evil.test"));

        await AssertInvalidTokenAsync(response, "The issuer 'https://evil.test' is invalid");
    }

    [Fact]
    public async Task Report_IssuerWithControlAndNonAsciiCharacters_Returns401WithAHeaderSafeDescription()
    {
        using var response = await SendAsync(Report, Mint(issuer: "https://evil.test/\"\u00e9\r\nX-Injected: 1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Injected"));
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The issuer 'https://evil.test/????X-Injected: 1' is invalid\"",
            response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("The issuer 'https://evil.test/\"\u00e9\r\nX-Injected: 1' is invalid.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Report_VeryLongIssuer_DescriptionCutTo200Characters()
    {
        var issuer = "https://evil.test/" + new string('a', 500);

        using var response = await SendAsync(Report, Mint(issuer: issuer));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var description = $"The issuer '{issuer}' is invalid"[..200] + "...";
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{description}\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Report_SignedWithAnotherKey_Returns401()
    {
        var otherKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("another-signing-key-0123456789ab"));

        using var response = await SendAsync(Report, Mint(key: otherKey));

        await AssertInvalidTokenAsync(response, "The signature is invalid");
    }

    [Fact]
    public async Task Report_TamperedPayload_Returns401()
    {
        var token = Mint(role: "survey");
        var parts = token.Split('.');
        var forged = string.Join('.', parts[0], Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("survey", "analyst")), parts[2]);

        using var response = await SendAsync(Report, forged);

        await AssertInvalidTokenAsync(response, "The signature is invalid");
    }

    [Fact]
    public async Task Report_AlgNoneToken_Returns401()
    {
        var unsigned = Mint(signed: false);
        Assert.Equal("none", new JsonWebToken(unsigned).Alg);

        using var response = await SendAsync(Report, unsigned);

        await AssertInvalidTokenAsync(response, "The signature is invalid");
    }

    [Fact]
    public async Task Report_TokenWithoutSubject_Returns401()
    {
        using var response = await SendAsync(Report, Mint(subject: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "A valid bearer token is required.",
            "The token has no 'sub' claim; the service names and rate-limits a caller by its subject.");
    }

    [Fact]
    public async Task Report_BearerWithoutToken_Returns401OfferingBothSchemes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer ");

        using var response = await Bare.SendAsync(request, Token);

        Assert.Equal("ApiKey header=\"X-Api-Key\", Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "An API key or a bearer token is required.",
            "Send a key in the X-Api-Key header or a token in the Authorization header: Bearer <token>.");
    }

    [Fact]
    public async Task Report_NoCredentials_Returns401OfferingBothSchemes()
    {
        using var response = await Bare.GetAsync(Report, Token);

        Assert.Equal("ApiKey header=\"X-Api-Key\", Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "An API key or a bearer token is required.",
            "Send a key in the X-Api-Key header or a token in the Authorization header: Bearer <token>.");
    }

    [Fact]
    public async Task Report_UnknownApiKey_Returns401OfferingBothSchemes()
    {
        using var client = Factory.CreateClient("not-a-configured-key");

        using var response = await client.GetAsync(Report, Token);

        Assert.Equal("ApiKey header=\"X-Api-Key\", Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "An API key or a bearer token is required.", "The API key is not recognised.");
    }

    [Fact]
    public async Task Routes_ApiKeysBesideJwt_StillWork()
    {
        using var analyst = Factory.CreateClient(NpsApiFactory.AnalystKey);
        using var survey = Factory.CreateClient(NpsApiFactory.SurveyKey);

        using var report = await analyst.GetAsync(Report, Token);
        using var touchpoint = await survey.PostAsync("/api/touchpoints", Api.Json(Api.Touchpoint("C1", "E1")), Token);
        using var wrongRole = await survey.GetAsync(Report, Token);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(HttpStatusCode.OK, touchpoint.StatusCode);
        await AssertProblemAsync(wrongRole, HttpStatusCode.Forbidden, "This API key may not use this route.",
            "The key has the role 'survey'; this route needs another role.");
    }

    [Fact]
    public async Task Report_ApiKeyAndBearerBothSent_TheKeyDecides()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.Add("X-Api-Key", NpsApiFactory.SurveyKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Mint());

        using var response = await Bare.SendAsync(request, Token);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "This API key may not use this route.",
            "The key has the role 'survey'; this route needs another role.");
    }

    [Fact]
    public async Task Healthz_JwtConfiguredNoCredentials_Returns200()
    {
        using var response = await Bare.GetAsync("/healthz", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Report_RolesAsArrayClaim_Returns200()
    {
        using var factory = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.UseSetting("Authentication:Jwt:RoleClaim", "roles");
        });
        using var client = factory.CreateClient(key: null);
        var token = Mint(claims: new() { ["roles"] = new[] { "survey", "analyst" } });

        using var response = await SendAsync(client, Report, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("openid analyst", HttpStatusCode.OK)]
    [InlineData("openid survey", HttpStatusCode.Forbidden)]
    public async Task Report_ScopeStyleRoleClaim_ReadsEachSpaceSeparatedValue(string scope, HttpStatusCode expected)
    {
        using var factory = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.UseSetting("Authentication:Jwt:RoleClaim", "scope");
        });
        using var client = factory.CreateClient(key: null);

        using var response = await SendAsync(client, Report, Mint(role: null, claims: new() { ["scope"] = scope }));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Report_MicrosoftRoleClaimNameInToken_GrantsNoRole()
    {
        var token = Mint(role: null, claims: new() { ["http://schemas.microsoft.com/ws/2008/06/identity/claims/role"] = "analyst" });

        using var response = await SendAsync(Report, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Report_MicrosoftRoleClaimNameConfiguredAsRoleClaim_GrantsItsRoles()
    {
        const string claim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
        using var factory = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.UseSetting("Authentication:Jwt:RoleClaim", claim);
        });
        using var client = factory.CreateClient(key: null);

        using var response = await SendAsync(client, Report, Mint(role: null, claims: new() { [claim] = "analyst" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Report_UnknownCritHeader_Returns401()
    {
        var token = Mint(header: new() { ["crit"] = new[] { "exp-extension" }, ["exp-extension"] = true });

        using var response = await SendAsync(Report, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("'exp-extension'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha256)]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task Report_HmacTokenWithA512BitKey_Returns200(string algorithm)
    {
        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes("jwt-tests-signing-key-0123456789-jwt-tests-signing-key-0123456789"[..64]));
        using var factory = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.UseSetting("Authentication:Jwt:SigningKey", key);
        });
        using var client = factory.CreateClient(key: null);

        using var response = await SendAsync(client, Report, Mint(key: key, algorithm: algorithm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha384, 384)]
    [InlineData(SecurityAlgorithms.HmacSha512, 512)]
    public async Task Report_HmacTokenLongerThanTheKey_Returns401NamingTheKeySize(string algorithm, int bits)
    {
        using var response = await SendAsync(Report, MintByHand(algorithm));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains($"at least {bits} bits", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OverTheRateLimit_OneWindowPerSubjectNotPerToken()
    {
        using var limited = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.UseSetting("RateLimiting:PermitLimit", "3");
        });
        using var client = limited.CreateClient(key: null);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SendAsync(client, Report, Mint(expires: DateTime.UtcNow.AddMinutes(10 + i))); // a new token each time
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SendAsync(client, Report, Mint(expires: DateTime.UtcNow.AddMinutes(20)));
        using var otherSubject = await SendAsync(client, Report, Mint(subject: "analyst-2"));
        using var keyNamedLikeTheSubject = await limited.CreateClient(NpsApiFactory.AnalystKey).GetAsync(Report, Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherSubject.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyNamedLikeTheSubject.StatusCode);
    }

    [Fact]
    public async Task EveryRoute_TokenOfItsRole_IsLetThroughAndOtherTokensAreRefused()
    {
        foreach (var route in AccessTests.Routes(Factory.Services))
        {
            var role = route.Policies[0];
            var other = role == NpsRoles.Survey ? NpsRoles.Analyst : NpsRoles.Survey;

            using var right = await Bare.SendAsync(WithToken(route.Request(), Mint(role: role)), Token);
            using var wrong = await Bare.SendAsync(WithToken(route.Request(), Mint(role: other)), Token);
            using var expired = await Bare.SendAsync(WithToken(route.Request(), Mint(role: role, expires: AnHourAgo())), Token);

            Assert.True(right.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{route.Method} {route.Pattern}: {(int)right.StatusCode}");
            Assert.True(wrong.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Pattern}: {(int)wrong.StatusCode}");
            Assert.True(expired.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Pattern}: {(int)expired.StatusCode}");
            Assert.Equal("This token may not use this route.", (await wrong.ReadJsonAsync()).GetProperty("title").GetString());
            Assert.StartsWith("Bearer error=\"invalid_token\"", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Report_TokenFromTheAuthority_KeysAndIssuerFromItsMetadata()
    {
        await using var provider = await LoopbackIdentityProvider.StartAsync(Token);
        using var development = new NpsApiFactory(Database.Path, builder =>
        {
            builder.UseEnvironment("Development"); // an http authority is refused elsewhere
            builder.UseSetting("Nps:SeedFile", "");
            builder.UseSetting("Authentication:Jwt:Authority", provider.Issuer);
            builder.UseSetting("Authentication:Jwt:Audiences:0", Audience);
            builder.UseSetting("Authentication:Jwt:RoleClaim", "roles");
        });
        using var client = development.CreateClient(key: null);

        using var analyst = await SendAsync(client, Report, provider.Mint(Audience, NpsRoles.Analyst));
        using var survey = await SendAsync(client, Report, provider.Mint(Audience, NpsRoles.Survey));
        var fetchedBeforeUnknownKey = provider.MetadataRequests;
        using var sharedKeyToken = await SendAsync(client, Report, Mint(issuer: provider.Issuer)); // HS256 with a key the provider never published

        Assert.Equal(HttpStatusCode.OK, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, survey.StatusCode);
        Assert.Equal(1, fetchedBeforeUnknownKey); // fetched once, then cached by the handler
        Assert.Equal(HttpStatusCode.Unauthorized, sharedKeyToken.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The signature key was not found\"", // the provider publishes no such key
            sharedKeyToken.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Requests_ValidAndRefusedTokens_NeverLogTheToken()
    {
        var logs = new CapturingLoggerProvider();
        using var logged = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Trace));
        });
        using var client = logged.CreateClient(key: null);
        string[] tokens = [Mint(), Mint(role: "survey"), Mint(expires: AnHourAgo()), Mint(audience: "x"), Mint(subject: null)];
        foreach (var token in tokens)
        {
            using var response = await SendAsync(client, Report, token);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("Failed to validate the token.", StringComparison.Ordinal)); // the failures were logged
        foreach (var secret in tokens.SelectMany(t => t.Split('.').Skip(1)).Where(part => part.Length > 0))
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Start_ProductionWithJwtAndNoApiKeys_ServesTokens()
    {
        using var production = new NpsApiFactory(Database.Path, builder =>
        {
            Configure(builder);
            builder.UseEnvironment("Production");
        }, withTestKeys: false);
        using var client = production.CreateClient(key: null);

        using var response = await SendAsync(client, Report, Mint());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Test configuration: JWT on with the shared key, one issuer and one audience, beside the test API keys.</summary>
    internal static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Authentication:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Authentication:Jwt:Issuers:0", Issuer);
        builder.UseSetting("Authentication:Jwt:Audiences:0", Audience);
    }

    /// <summary>A token for <c>analyst-1</c> with the <c>analyst</c> role, valid for ten minutes, unless told otherwise.</summary>
    internal static string Mint(
        string? role = "analyst", string? subject = "analyst-1", string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, string? key = null, bool signed = true, Dictionary<string, object>? claims = null,
        string algorithm = SecurityAlgorithms.HmacSha256, Dictionary<string, object>? header = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var all = new Dictionary<string, object>(claims ?? []);
        if (subject is not null) all["sub"] = subject;
        if (role is not null) all["role"] = role;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Claims = all,
            AdditionalHeaderClaims = header,
            SigningCredentials = signed
                ? new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? SigningKey)), algorithm)
                : null,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// An analyst token signed with the 256-bit test key under <paramref name="algorithm"/>, built by hand: IdentityModel
    /// itself refuses to sign HS384 or HS512 with a key shorter than the hash.
    /// </summary>
    private static string MintByHand(string algorithm)
    {
        var now = DateTimeOffset.UtcNow;
        var header = $$"""{"alg":"{{algorithm}}","typ":"JWT"}""";
        var payload = $$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","sub":"analyst-1","role":"analyst","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(10).ToUnixTimeSeconds()}}}""";
        var signed = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(payload);
        var key = Convert.FromBase64String(SigningKey);
        var data = Encoding.ASCII.GetBytes(signed);
        var signature = algorithm == SecurityAlgorithms.HmacSha384 ? System.Security.Cryptography.HMACSHA384.HashData(key, data) : System.Security.Cryptography.HMACSHA512.HashData(key, data);
        return signed + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>
    /// An hour before now on the system clock, to the second: IdentityModel checks <c>exp</c> against the system clock,
    /// not the host's (fake) <see cref="TimeProvider"/>.
    /// </summary>
    private static DateTime AnHourAgo()
    {
        var now = DateTime.UtcNow.AddHours(-1);
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc);
    }

    private HttpClient Bare => bare ??= Factory.CreateClient(key: null);

    private HttpClient? bare;

    private Task<HttpResponseMessage> SendAsync(string path, string token) => SendAsync(Bare, path, token);

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string token) =>
        client.SendAsync(WithToken(new HttpRequestMessage(HttpMethod.Get, path), token), Token);

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task AssertInvalidTokenAsync(HttpResponseMessage response, string description)
    {
        Assert.Equal($"Bearer error=\"invalid_token\", error_description=\"{description}\"", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "A valid bearer token is required.", description + ".");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }
}
