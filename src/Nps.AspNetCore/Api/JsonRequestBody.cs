using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nps.AspNetCore.Api;

/// <summary>
/// A JSON request body of <typeparamref name="T"/> that binds itself (<see cref="BindAsync"/>, through
/// <see cref="JsonBody"/>: at most <see cref="JsonBody.MaxBytes"/>, source-generated JSON of <see cref="ApiJsonContext"/>)
/// and never fails to bind: a body that cannot be read is kept as its problem (a validation problem naming the field,
/// or 413), for the handler to return. Declares the route's <c>application/json</c> body of <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The request record.</typeparam>
internal sealed class JsonRequestBody<T> : IEndpointParameterMetadataProvider
    where T : class
{
    private JsonRequestBody(T? value, ValidationProblem? invalid, PayloadTooLargeProblem? tooLarge) => (Value, Invalid, TooLarge) = (value, invalid, tooLarge);

    /// <summary>The body; null when <see cref="Invalid"/> or <see cref="TooLarge"/> says why not.</summary>
    public T? Value { get; }

    /// <summary>The body is not a <typeparamref name="T"/> (malformed, a wrong type, an unknown or repeated field).</summary>
    public ValidationProblem? Invalid { get; }

    /// <summary>The body is larger than <see cref="JsonBody.MaxBytes"/>.</summary>
    public PayloadTooLargeProblem? TooLarge { get; }

    /// <summary>Reads the request's body.</summary>
    public static async ValueTask<JsonRequestBody<T>?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = ApiJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {nameof(ApiJsonContext)}.");
        var (value, invalid, tooLarge) = await JsonBody.ReadAsync(context.Request, type, context.RequestAborted);
        return new JsonRequestBody<T>(value, invalid, tooLarge);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
    }
}
