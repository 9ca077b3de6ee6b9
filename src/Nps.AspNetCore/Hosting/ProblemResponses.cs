namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Every failure as problem+json: the exception handler keeps the status of Kestrel's request failures
/// (413 body too large, 408 body too slow, 400 malformed) instead of 500, and says what went wrong.
/// </summary>
public static class ProblemResponses
{
    /// <summary>Adds problem details and the status mapping for <see cref="BadHttpRequestException"/>.</summary>
    public static IServiceCollection AddNpsProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad) context.ProblemDetails.Detail = bad.Message;
        });
        services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        return services;
    }
}
