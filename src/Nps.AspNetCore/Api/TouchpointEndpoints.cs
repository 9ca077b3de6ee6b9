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

    private static async Task<IResult> DecideAsync(HttpRequest request, SurveyProgram program, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.TouchpointRequest, cancellationToken);
        if (problem is not null) return problem;
        var errors = new FieldErrors();
        var customerId = errors.Required("customerId", body!.CustomerId);
        var eventId = errors.Required("eventId", body.EventId);
        var occurredAt = errors.Time("occurredAt", body.OccurredAt, required: true, TimeProvider.System.GetUtcNow());
        var relationshipStart = errors.Time("relationshipStart", body.RelationshipStart, required: false);
        var kind = errors.Kind("kind", body.Kind);
        errors.TimeZone("timeZoneId", body.TimeZoneId);

        var attributes = errors.Attributes(body.Attributes, body.Extra);
        if (errors.Any) return errors.ToProblem();

        // One transaction in the store: a retry of the event returns the first decision and records nothing.
        var decision = await program.DecideAsync(new TouchpointEvent
        {
            CustomerId = customerId!, EventId = eventId!, OccurredAt = occurredAt!.Value, Kind = kind,
            Touchpoint = body.Touchpoint, Channel = body.Channel, Team = body.Team, Agent = body.Agent, Product = body.Product,
            Attributes = attributes, IsFollowUp = body.IsFollowUp ?? false, IsComplaintOpen = body.IsComplaintOpen ?? false,
            TimeZoneId = body.TimeZoneId, RelationshipStart = relationshipStart, EmailDomain = body.EmailDomain,
        }, cancellationToken);
        return TypedResults.Json(SurveyDecisionDocument.From(decision), NpsJson.TypeInfo<SurveyDecisionDocument>());
    }
}
