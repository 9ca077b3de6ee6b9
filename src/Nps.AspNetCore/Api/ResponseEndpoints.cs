using Microsoft.AspNetCore.Http.HttpResults;
using Nps.AspNetCore.Hosting;
using Nps.Intake;

namespace Nps.AspNetCore.Api;

/// <summary><c>POST /api/responses</c> (idempotent by response id) and <c>GET /api/responses/{id}</c>.</summary>
internal static class ResponseEndpoints
{
    /// <summary>The survey system's route: <c>POST /api/responses</c>.</summary>
    internal static void MapResponses(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/responses", AddAsync)
            .WithName("AddResponse")
            .WithTags("Responses")
            .WithSummary("Stores a survey response with its contact and follow-up; a retry with the same responseId returns the stored response (200), never a duplicate.");
    }

    /// <summary>The analysts' route: <c>GET /api/responses/{id}</c>.</summary>
    internal static void MapResponseReads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/responses/{id}", GetAsync)
            .WithName("GetResponse")
            .WithTags("Responses")
            .WithNoStore();
    }

    private static async Task<Results<JsonCreated<StoredResponse>, JsonOk<StoredResponse>, ValidationProblem, ConflictProblem, PayloadTooLargeProblem>> AddAsync(
        JsonRequestBody<ResponseRequest> body, HttpContext context, ResponseIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.TooLarge is { } tooLarge) return tooLarge;
        if (body.Invalid is { } invalid) return invalid;
        var fields = new FieldErrors();
        var response = body.Value!.Bind(fields, clock.GetUtcNow());
        if (fields.Any) return fields.ToProblem();

        // One call: validated, stored with its contact and follow-up in one transaction, idempotent per responseId.
        var result = await intake.SubmitAsync(response!, cancellationToken);
        switch (result.Outcome)
        {
            case ResponseIntakeOutcome.Invalid:
                var errors = new FieldErrors();
                foreach (var error in result.Errors) errors.Add(error);
                return errors.ToProblem();
            case ResponseIntakeOutcome.Conflict:
                return new ConflictProblem("A different response with this responseId exists.",
                    $"responseId '{result.Stored!.ResponseId}' was stored with other content; a retry must send the same body.");
            default:
                var location = $"/api/responses/{Uri.EscapeDataString(result.Stored!.ResponseId)}";
                var stored = StoredResponse.From(result.Stored);
                if (result.Outcome == ResponseIntakeOutcome.Created) return new JsonCreated<StoredResponse>(location, stored, ApiJsonContext.Default.StoredResponse);
                context.Response.Headers.Location = location; // a retry answers 200 and still points at the stored response
                return new JsonOk<StoredResponse>(stored, ApiJsonContext.Default.StoredResponse);
        }
    }

    private static async Task<Results<JsonOk<StoredResponse>, NotFoundProblem>> GetAsync(string id, IResponseStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } stored
            ? new JsonOk<StoredResponse>(StoredResponse.From(stored), ApiJsonContext.Default.StoredResponse)
            : new NotFoundProblem("No such response.", $"No response has id '{id}'.");
}
