using Microsoft.Net.Http.Headers;

namespace Nps.AspNetCore.Api;

/// <summary>
/// <c>Cache-Control: no-store</c> on routes that answer with one customer's personal data (records, comments,
/// follow-up notes): no cache, private or shared, may keep a copy. Set before the handler runs, so failures carry it too.
/// </summary>
internal static class NoStore
{
    /// <summary>The header's value.</summary>
    public const string Value = "no-store";

    /// <summary>Sends <c>Cache-Control: no-store</c> with every answer of <paramref name="route"/>.</summary>
    public static TBuilder WithNoStore<TBuilder>(this TBuilder route)
        where TBuilder : IEndpointConventionBuilder =>
        route.AddEndpointFilter(static (context, next) =>
        {
            context.HttpContext.Response.Headers[HeaderNames.CacheControl] = Value;
            return next(context);
        });
}
