using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Invitations sent, answered, the response rate and its Wilson interval per segment and period (by send time).");

    private static async Task<Results<JsonOk<ResponseRatesDocument>, ValidationProblem>> RatesAsync([AsParameters] ResponseRateQuery query,
        IInvitationStore invitations, NpsReportOptions defaults, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (options, start, end) = query.Resolve(defaults, errors);
        if (errors.Any) return errors.ToProblem();

        // Periods and segments by send time: an invitation counts where it was sent, answered or not; counted in the store.
        var cells = await NpsResponseRates.ComputeAsync(invitations, options, start, end, cancellationToken);
        return new JsonOk<ResponseRatesDocument>(ResponseRatesDocument.From(cells, options.Level, options.IncludeManual), NpsJson.TypeInfo<ResponseRatesDocument>());
    }
}
