using Microsoft.AspNetCore.Authorization;

namespace Nps.Samples.AspNet.Security;

/// <summary>Registers API-key authentication and the role policies.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>ApiKey</c> scheme (keys from <c>Authentication:ApiKeys</c>, validated at start), a policy per role,
    /// and a fallback policy that requires a key wherever a route names no policy.
    /// </summary>
    public static IServiceCollection AddNpsApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyRing>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(NpsRoles.Survey, policy => policy.RequireAuthenticatedUser().RequireRole(NpsRoles.Survey))
            .AddPolicy(NpsRoles.Analyst, policy => policy.RequireAuthenticatedUser().RequireRole(NpsRoles.Analyst))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
