using Nps.Data;
using Nps.Delivery;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/reports/response-rates</c>: invitations sent and answered per segment and period, from the invitation store.</summary>
internal static class ResponseRateEndpoints
{
    internal static void MapResponseRates(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/response-rates", RatesAsync)
            .WithName("ResponseRates")
            .WithTags("Reports")
            .WithSummary("Invitations sent, answered, the response rate and its Wilson interval per segment and period (by send time).")
            .Produces<ResponseRatesDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem();

    private static async Task<IResult> RatesAsync(IInvitationStore invitations, NpsReportOptions defaults, CancellationToken cancellationToken,
        string? by = null, string? period = null, string? from = null, string? to = null, string? timeZone = null, string? level = null)
    {
        var errors = new FieldErrors();
        var (dimensions, bucket, start, end) = QueryParsing.ReportQuery(errors, defaults, by, period, from, to);
        var zone = defaults.TimeZone;
        if (timeZone is not null)
        {
            if (FieldParsers.TryParseTimeZone(timeZone, "timeZone", out var parsed, out var error)) zone = parsed;
            else errors.Add(error);
        }

        var confidence = QueryParsing.Level(errors, "level", level, defaults.Level);
        if (errors.Any) return errors.ToProblem();

        // Periods and segments by send time: an invitation counts where it was sent, answered or not; counted in the store.
        var options = defaults with { Dimensions = dimensions, Period = bucket, TimeZone = zone, Level = confidence };
        var cells = await NpsResponseRates.ComputeAsync(invitations, options, start, end, cancellationToken);
        return TypedResults.Json(ResponseRatesDocument.From(cells, options.Level, options.IncludeManual), NpsJson.TypeInfo<ResponseRatesDocument>());
    }
}
