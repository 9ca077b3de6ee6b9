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
            .WithSummary("Stores a survey response with its contact and follow-up; a retry with the same responseId returns the stored response (200), never a duplicate.")
            .Accepts<ResponseRequest>("application/json")
            .Produces<StoredResponse>(StatusCodes.Status201Created, "application/json")
            .Produces<StoredResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>The analysts' route: <c>GET /api/responses/{id}</c>.</summary>
    internal static void MapResponseReads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/responses/{id}", GetAsync)
            .WithName("GetResponse")
            .WithTags("Responses")
            .Produces<StoredResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithNoStore();
    }

    private static async Task<IResult> AddAsync(HttpContext context, ResponseIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, ApiJsonContext.Default.ResponseRequest, cancellationToken);
        if (problem is not null) return problem;
        var invalid = new FieldErrors();
        var response = body!.Bind(invalid, clock.GetUtcNow());
        if (invalid.Any) return invalid.ToProblem();

        // One call: validated, stored with its contact and follow-up in one transaction, idempotent per responseId.
        var result = await intake.SubmitAsync(response!, cancellationToken);
        switch (result.Outcome)
        {
            case ResponseIntakeOutcome.Invalid:
                var errors = new FieldErrors();
                foreach (var error in result.Errors) errors.Add(error);
                return errors.ToProblem();
            case ResponseIntakeOutcome.Conflict:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A different response with this responseId exists.",
                    detail: $"responseId '{result.Stored!.ResponseId}' was stored with other content; a retry must send the same body.");
            default:
                context.Response.Headers.Location = $"/api/responses/{Uri.EscapeDataString(result.Stored!.ResponseId)}";
                return Results.Json(StoredResponse.From(result.Stored), ApiJsonContext.Default.StoredResponse,
                    statusCode: result.Outcome == ResponseIntakeOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
    }

    private static async Task<IResult> GetAsync(string id, IResponseStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } stored
            ? Results.Json(StoredResponse.From(stored), ApiJsonContext.Default.StoredResponse)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such response.", detail: $"No response has id '{id}'.");
}
