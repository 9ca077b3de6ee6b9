using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nps.AspNetCore.Api;

/// <summary>
/// <c>200 application/json</c> with a document written by its own source-generated contract (the wire contract of
/// <c>Nps.Serialization.NpsJson</c> or <see cref="ApiJsonContext"/>), not by the host's JSON options; its type
/// declares the answer to the OpenAPI document.
/// </summary>
/// <typeparam name="T">The document.</typeparam>
internal sealed class JsonOk<T>(T value, JsonTypeInfo<T> type) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(value, type).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
