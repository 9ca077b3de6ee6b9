using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Security;

/// <summary>Registers API-key authentication, JWT bearer authentication beside it when configured, and the role policies.</summary>
public static class NpsApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// The policy scheme that sends a request with <c>Authorization: Bearer</c> (and no <c>X-Api-Key</c>) to the JWT bearer
    /// scheme and every other request to the <c>ApiKey</c> scheme; the default scheme while JWT is configured.
    /// </summary>
    public const string ApiKeyOrBearerScheme = "ApiKeyOrBearer";

    /// <summary>
    /// Adds the <c>ApiKey</c> scheme (keys from <c>Authentication:ApiKeys</c>), ASP.NET Core's JWT bearer scheme when
    /// <c>Authentication:Jwt</c> names an authority or a signing key (both validated at start), a policy per role, and
    /// a fallback policy that requires an authenticated caller wherever a route names no policy.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>Authentication</c> section.</param>
    /// <returns>The services.</returns>
    [RequiresUnreferencedCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    [RequiresDynamicCode(NpsOptionsBuilderExtensions.BindingIsReflection)]
    public static IServiceCollection AddNpsApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiKeyOptions>().BindNpsOptions(configuration.GetSection(ApiKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddOptions<JwtOptions>().BindNpsOptions(configuration.GetSection(JwtOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<ApiKeyRing>();

        var jwt = configuration.GetSection(JwtOptions.Section).GetNpsOptions<JwtOptions>().IsConfigured;
        var authentication = services.AddAuthentication(jwt ? ApiKeyOrBearerScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt)
        {
            services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();
            authentication.AddJwtBearer().AddPolicyScheme(ApiKeyOrBearerScheme, "API key or bearer token",
                options => options.ForwardDefaultSelector = SelectScheme);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(NpsRoles.Survey, policy => policy.RequireAuthenticatedUser().RequireRole(NpsRoles.Survey))
            .AddPolicy(NpsRoles.Analyst, policy => policy.RequireAuthenticatedUser().RequireRole(NpsRoles.Analyst))
            .AddPolicy(NpsRoles.Privacy, policy => policy.RequireAuthenticatedUser().RequireAssertion(MayErase))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>
    /// <c>X-Api-Key</c> wins when both are sent; a request with neither goes to the key scheme, whose challenge offers
    /// both schemes.
    /// </summary>
    // The privacy role; in Development an analyst too (the sample's Development keys have no privacy key).
    private static bool MayErase(AuthorizationHandlerContext context) =>
        context.User.IsInRole(NpsRoles.Privacy)
        || (context.User.IsInRole(NpsRoles.Analyst) && context.Resource is HttpContext http
            && http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment());

    private static string SelectScheme(HttpContext context) =>
        !context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
        && context.Request.Headers.Authorization is [{ } authorization, ..]
        && authorization.StartsWith(JwtBearerDefaults.AuthenticationScheme + " ", StringComparison.OrdinalIgnoreCase)
            ? JwtBearerDefaults.AuthenticationScheme
            : ApiKeyAuthenticationHandler.SchemeName;
}
