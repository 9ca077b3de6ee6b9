using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nps.AspNetCore.Api;

/// <summary>
/// <c>201 Created</c> with a <c>Location</c> and the stored document, written by its own source-generated contract
/// (as <see cref="JsonOk{T}"/>); its type declares the answer to the OpenAPI document.
/// </summary>
/// <typeparam name="T">The document.</typeparam>
internal sealed class JsonCreated<T>(string location, T value, JsonTypeInfo<T> type) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status201Created;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.Location = location;
        return TypedResults.Json(value, type, statusCode: StatusCodes.Status201Created).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(T), ["application/json"]));
    }
}
