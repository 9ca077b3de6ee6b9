using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Nps.AspNetCore.Hosting;
using Nps.Data;
using Nps.Intake;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>POST /api/responses/import</c>: many responses in one CSV or JSON Lines body, streamed; the totals and the rejected rows.</summary>
internal static class ImportEndpoints
{
    /// <summary>The largest import body accepted (50 MiB): this route alone lifts the 64 KiB limit of the others.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The survey system's route: <c>POST /api/responses/import</c>.</summary>
    internal static void MapResponseImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/responses/import", ImportAsync)
            .WithName("ImportResponses")
            .WithTags("Responses")
            .WithSummary("Stores every valid record of a CSV (text/csv) or JSON Lines (application/x-ndjson, application/jsonl) body through the same intake as POST /api/responses; returns the totals and the rejected rows (the first 100, with a count of the rest). At most NpsWebOptions.MaxConcurrentImports run at once; beyond that 503 with Retry-After.");
    }

    private static async Task<Results<JsonOk<ResponseImportDocument>, ValidationProblem, PayloadTooLargeProblem, UnsupportedMediaTypeProblem>> ImportAsync(
        HttpContext context, ResponseIntake intake, TimeProvider clock, CancellationToken cancellationToken, QueryFlag? historical = null)
    {
        var errors = new FieldErrors();
        var isHistorical = historical.GetValueOrDefault().Check(errors, "historical", fallback: false);
        if (errors.Any) return errors.ToProblem();

        if (Format(context.Request.ContentType) is not { } format)
        {
            return new UnsupportedMediaTypeProblem($"Send text/csv, application/x-ndjson or application/jsonl; got '{context.Request.ContentType ?? "no Content-Type"}'.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        if (context.Request.ContentLength > MaxBytes) return TooLarge();

        // The reader is synchronous and reads the body as it arrives, one record at a time, so memory stays bounded
        // whatever the size; blocking reads are allowed for this request only, and the import concurrency limit
        // bounds how many threads they can hold. A body that grows past MaxBytes fails with Kestrel's 413 (the
        // records before it are stored, and a retry of the same body reports them as already stored).
        if (context.Features.Get<IHttpBodyControlFeature>() is { } bodyControl) bodyControl.AllowSynchronousIO = true;
        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ResponseImport));
        var (document, error) = await ResponseImport.ImportAsync(context.Request.Body, format, intake, clock, isHistorical, cancellationToken, logger: logger);
        if (error is { } unreadable)
        {
            errors.Add(unreadable.Field ?? "$", unreadable.Message);
            return errors.ToProblem();
        }

        return new JsonOk<ResponseImportDocument>(document!, NpsJson.TypeInfo<ResponseImportDocument>());
    }

    private static DataFormat? Format(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return null;
        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" => DataFormat.Csv,
            "application/x-ndjson" or "application/jsonl" => DataFormat.JsonLines,
            _ => null,
        };
    }

    private static PayloadTooLargeProblem TooLarge() => new($"Import bodies are limited to {MaxBytes} bytes.");
}
