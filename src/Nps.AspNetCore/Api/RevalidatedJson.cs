using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nps.AspNetCore.Api;

/// <summary>
/// A report answered by <see cref="ReportRevalidation"/>: <c>200</c> with the document (its JSON, cached or built) or
/// <c>304 Not Modified</c>; its type declares both answers to the OpenAPI document.
/// </summary>
/// <typeparam name="T">The report document.</typeparam>
internal sealed class RevalidatedJson<T>(IResult answer) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
