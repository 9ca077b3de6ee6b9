using Microsoft.AspNetCore.Http.HttpResults;
using Nps.Delivery;
using Nps.Serialization;
using Nps.Insights;
using Nps.Intake;
using Nps.Segmentation;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/reports/nps</c> and <c>GET /api/insights/coaching</c>, over the stored responses.</summary>
internal static class ReportEndpoints
{
    internal static void MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/nps", ReportAsync)
            .WithName("NpsReport")
            .WithTags("Reports")
            .WithSummary("NPS with confidence intervals per segment and period (the JSON of `nps report --format json`).");

        app.MapGet("/api/insights/coaching", CoachingAsync)
            .WithName("CoachingSignals")
            .WithTags("Insights")
            .WithSummary("Coaching signals that fired (underperformance, post-launch-drop, inflation, response-rate-outlier), each with its evidence.");
    }

    private static async Task<Results<RevalidatedJson<NpsReportDocument>, ValidationProblem>> ReportAsync([AsParameters] NpsReportQuery query,
        INpsCountSource counts, NpsReportOptions defaults, ReportBodyCache bodies, HttpContext context, ReportRevalidation revalidation,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        // Counted in the store (GROUP BY period, dimensions, rating); the library turns the counts into statistics,
        // unless the counts are those of a body already written (ReportBodyCache).
        var (options, start, end) = query.Resolve(defaults, errors);
        if (errors.Any) return errors.ToProblem();

        // Conditional GET (ETag from the data version, the query and the build): a 304 before anything is counted, a
        // body kept for this version sent as it is; otherwise counted, and rebuilt only if the counts changed.
        return new RevalidatedJson<NpsReportDocument>(await revalidation.RespondAsync(context, counts, ReportRevalidation.NpsQuery(options, start, end),
            ct => bodies.BodyAsync(counts, options, start, end, ct), cancellationToken));
    }

    private static async Task<Results<RevalidatedJson<CoachingSignalsDocument>, ValidationProblem>> CoachingAsync([AsParameters] CoachingQuery query,
        IResponseStore store, INpsCountSource counts, IInvitationStore invitations, CoachingSignalOptions defaults, HttpContext context,
        ReportRevalidation revalidation, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var options = query.Resolve(defaults, errors);
        if (errors.Any) return errors.ToProblem();

        // The response rates (one GROUP BY of the invitations) feed the response-rate-outlier indicator and inflation's
        // evidence; they are part of the ETag, since invitations are sent while the responses stay the same.
        var rates = await ResponseRateCounts.CountAsync(invitations, options, cancellationToken);
        return new RevalidatedJson<CoachingSignalsDocument>(await revalidation.RespondAsync(context, store, ReportRevalidation.CoachingQuery(options, rates),
            async ct => CoachingSignalsDocument.From(await new CoachingSignalDetector(options).DetectAsync(counts, rates, ct), options), cancellationToken));
    }
}
