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
            .WithSummary("NPS with confidence intervals per segment and period (the JSON of `nps report --format json`).")
            .Produces<NpsReportDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        app.MapGet("/api/insights/coaching", CoachingAsync)
            .WithName("CoachingSignals")
            .WithTags("Insights")
            .WithSummary("Coaching signals that fired (underperformance, post-launch-drop, inflation, response-rate-outlier), each with its evidence.")
            .Produces<CoachingSignalsDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();
    }

    private static async Task<IResult> ReportAsync(INpsCountSource counts, NpsReportOptions defaults, ReportBodyCache bodies, HttpContext context,
        ReportRevalidation revalidation, CancellationToken cancellationToken,
        string? by = null, string? period = null, string? from = null, string? to = null, string? level = null, string? method = null,
        string? includeUnsolicited = null)
    {
        var errors = new FieldErrors();
        var (dimensions, bucket, start, end) = QueryParsing.ReportQuery(errors, defaults, by, period, from, to);
        var confidence = QueryParsing.Level(errors, "level", level, defaults.Level);
        var intervalMethod = QueryParsing.Method(errors, "method", method, defaults.IntervalMethod);
        var unsolicited = QueryParsing.Flag(errors, "includeUnsolicited", includeUnsolicited, defaults.IncludeUnsolicited);
        if (errors.Any) return errors.ToProblem();

        // Counted in the store (GROUP BY period, dimensions, rating); the library turns the counts into statistics,
        // unless the counts are those of a body already written (ReportBodyCache).
        var options = defaults with
        {
            Dimensions = dimensions, Period = bucket, Level = confidence, IntervalMethod = intervalMethod,
            IncludeUnsolicited = unsolicited,
        };
        // Conditional GET (ETag from the data version, the query and the build): a 304 before anything is counted, a
        // body kept for this version sent as it is; otherwise counted, and rebuilt only if the counts changed.
        return await revalidation.RespondAsync(context, counts, ReportRevalidation.NpsQuery(options, start, end),
            ct => bodies.BodyAsync(counts, options, start, end, ct), cancellationToken);
    }

    private static async Task<IResult> CoachingAsync(IResponseStore store, INpsCountSource counts, IInvitationStore invitations, CoachingSignalOptions defaults,
        HttpContext context, ReportRevalidation revalidation, CancellationToken cancellationToken,
        string? by = null, string? period = null)
    {
        var errors = new FieldErrors();
        var dimension = string.IsNullOrWhiteSpace(by) ? defaults.Dimension : by.Trim().ToLowerInvariant();
        if (dimension is not ("agent" or "team")) errors.Add("by", $"'{by}' is not a coaching dimension: agent or team.");
        var bucket = QueryParsing.Period(errors, "period", period) ?? defaults.Period;
        if (errors.Any) return errors.ToProblem();

        var options = defaults with { Dimension = dimension, Period = bucket };
        // The response rates (one GROUP BY of the invitations) feed the response-rate-outlier indicator and inflation's
        // evidence; they are part of the ETag, since invitations are sent while the responses stay the same.
        var rates = await ResponseRateCounts.CountAsync(invitations, options, cancellationToken);
        return await revalidation.RespondAsync(context, store, ReportRevalidation.CoachingQuery(options, rates),
            async ct => CoachingSignalsDocument.From(await new CoachingSignalDetector(options).DetectAsync(counts, rates, ct), options), cancellationToken);
    }
}
