using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Nps.AspNetCore.Api;

/// <summary>
/// A failure other than invalid fields, as <c>application/problem+json</c>, one type per status so that a handler's
/// return type (<c>Results&lt;JsonOk&lt;T&gt;, ValidationProblem, NotFoundProblem&gt;</c>) declares every answer
/// to the OpenAPI document. Written through the host's problem details service, like every other failure.
/// </summary>
internal abstract class StatusProblem(int status, string title, string? detail) : IResult, IStatusCodeHttpResult
{
    private readonly ProblemHttpResult _problem = TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    private protected static void Declare(EndpointBuilder builder, int status)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>404: the resource named in the path does not exist.</summary>
internal sealed class NotFoundProblem(string title, string detail) : StatusProblem(StatusCodes.Status404NotFound, title, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the request contradicts what is stored.</summary>
internal sealed class ConflictProblem(string title, string? detail) : StatusProblem(StatusCodes.Status409Conflict, title, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status409Conflict);
}

/// <summary>413: the body is larger than the route accepts.</summary>
internal sealed class PayloadTooLargeProblem(string detail) : StatusProblem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status413PayloadTooLarge);
}

/// <summary>415: the body's media type is not one the route reads.</summary>
internal sealed class UnsupportedMediaTypeProblem(string detail) : StatusProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported body type.", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status415UnsupportedMediaType);
}

/// <summary>500: the host's configuration points at something unusable (not the caller's fault).</summary>
internal sealed class ConfigurationProblem(string title, string detail) : StatusProblem(StatusCodes.Status500InternalServerError, title, detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status500InternalServerError);
}
