using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Nps.AspNetCore.Security;

namespace Nps.AspNetCore;

/// <summary>
/// <c>services.AddNpsOpenApi()</c>: the OpenAPI document of the routes, for client generators. It declares the two
/// ways to authenticate (the <c>X-Api-Key</c> header and a bearer token) and, on every operation that needs a
/// caller, the 401, 403 and 429 answers (problem+json) that the authentication, the role policies and the rate
/// limiter give, 503 on the routes with a concurrency limit, and every query parameter with its type and a description.
/// </summary>
public static class NpsOpenApi
{
    /// <summary>The security scheme of the <c>X-Api-Key</c> header.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The security scheme of <c>Authorization: Bearer</c>.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Adds the OpenAPI document (<c>v1</c>, mapped by the host with <c>MapOpenApi()</c>) with the schemes and answers above.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNpsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(static (document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "A configured API key; its role (survey or analyst) decides the routes it may call.",
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                    Description = "A JWT from the configured issuer, with a sub and a role claim (when Authentication:Jwt is set).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(NpsOpenApiTypes.TransformParametersAsync);
            options.AddSchemaTransformer(NpsOpenApiTypes.TransformSchemaAsync);
            options.AddDocumentTransformer(NpsOpenApiTypes.PruneSchemasAsync);
            options.AddOperationTransformer(static (operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
                operation.Security ??= [];
                foreach (var scheme in new[] { ApiKeyScheme, BearerScheme })
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
                }

                operation.Responses ??= [];
                Answer(operation, StatusCodes.Status401Unauthorized, "No valid API key or bearer token.");
                Answer(operation, StatusCodes.Status403Forbidden, "The caller's role may not use this route.");
                Answer(operation, StatusCodes.Status429TooManyRequests, "The caller's rate limit is reached; see Retry-After.");
                if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any(a =>
                        a.PolicyName is Hosting.ReportConcurrencyPolicy.Name or Hosting.ImportConcurrencyPolicy.Name))
                {
                    Answer(operation, StatusCodes.Status503ServiceUnavailable, "As many such requests as allowed already run; see Retry-After.");
                }
                return Task.CompletedTask;
            });
        });

    private static void Answer(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key)) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/problem+json"] = new OpenApiMediaType() },
        };
    }
}
