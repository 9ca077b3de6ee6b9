using Microsoft.AspNetCore.Http.HttpResults;
using Nps.Sampling;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>POST /api/touchpoints</c>: decide whether and when to survey the customer about an event.</summary>
internal static class TouchpointEndpoints
{
    internal static void MapTouchpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/touchpoints", DecideAsync)
            .WithName("DecideTouchpoint")
            .WithTags("Touchpoints")
            .WithSummary("Decides invite, suppress or defer for a touchpoint; a retry of the same event returns the first decision.");

    private static async Task<Results<JsonOk<SurveyDecisionDocument>, ValidationProblem, PayloadTooLargeProblem>> DecideAsync(JsonRequestBody<TouchpointRequest> body,
        SurveyProgram program, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.TooLarge is { } tooLarge) return tooLarge;
        if (body.Invalid is { } invalid) return invalid;
        var errors = new FieldErrors();
        var touchpoint = body.Value!.Bind(errors, clock.GetUtcNow());
        if (errors.Any) return errors.ToProblem();

        // One transaction in the store: a retry of the event returns the first decision and records nothing.
        var decision = await program.DecideAsync(touchpoint!, cancellationToken);
        return new JsonOk<SurveyDecisionDocument>(SurveyDecisionDocument.From(decision), NpsJson.TypeInfo<SurveyDecisionDocument>());
    }
}
