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
            .WithSummary("Decides invite, suppress or defer for a touchpoint; a retry of the same event returns the first decision.")
            .Accepts<TouchpointRequest>("application/json")
            .Produces<SurveyDecisionDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> DecideAsync(HttpRequest request, SurveyProgram program, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.TouchpointRequest, cancellationToken);
        if (problem is not null) return problem;
        var errors = new FieldErrors();
        var touchpoint = body!.Bind(errors, clock.GetUtcNow());
        if (errors.Any) return errors.ToProblem();

        // One transaction in the store: a retry of the event returns the first decision and records nothing.
        var decision = await program.DecideAsync(touchpoint!, cancellationToken);
        return TypedResults.Json(SurveyDecisionDocument.From(decision), NpsJson.TypeInfo<SurveyDecisionDocument>());
    }
}
