using System.Text.Json;
using Nps.FollowUp;
using Nps.Samples.AspNet.Storage;

namespace Nps.Samples.AspNet.Api;

/// <summary><c>POST /api/responses</c> (idempotent by response id) and <c>GET /api/responses/{id}</c>.</summary>
public static class ResponseEndpoints
{
    public static void MapResponses(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/responses", AddAsync)
            .WithName("AddResponse")
            .WithSummary("Stores a survey response; a retry with the same responseId returns the stored response (200), never a duplicate.")
            .Accepts<ResponseRequest>("application/json")
            .Produces<StoredResponse>(StatusCodes.Status201Created, "application/json")
            .Produces<StoredResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGet("/api/responses/{id}", GetAsync)
            .WithName("GetResponse")
            .Produces<StoredResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AddAsync(HttpContext context, ResponseStore store, FollowUpService followUps, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, ApiJsonContext.Default.ResponseRequest, cancellationToken);
        if (problem is not null) return problem;
        var (response, invalid) = Validate(body!, clock.GetUtcNow());
        if (invalid is not null) return invalid;

        // The follow-up id is known up front (one per response), so the stored response can name it.
        if (followUps.Policy.ReasonFor(response!.ToSurveyResponse()) is not null && response.RespondentId.Length > 0)
        {
            response = response with { FollowUpId = FollowUpCase.IdFor(response.ResponseId) };
        }

        var (stored, created) = await store.AddAsync(response!, cancellationToken);
        if (!created && !SameContent(stored, response!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A different response with this responseId exists.",
                detail: $"responseId '{stored.ResponseId}' was stored with other content; a retry must send the same body.");
        }

        // Created on every accepted post, retries included (the service is idempotent per response), so a crash
        // between storing the response and creating its follow-up is repaired by the client's retry.
        if (stored.FollowUpId is not null) await followUps.CreateFromResponseAsync(stored.ToSurveyResponse(), cancellationToken);

        var location = $"/api/responses/{Uri.EscapeDataString(stored.ResponseId)}";
        context.Response.Headers.Location = location;
        return Results.Json(stored, ApiJsonContext.Default.StoredResponse, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(string id, ResponseStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } stored
            ? Results.Json(stored, ApiJsonContext.Default.StoredResponse)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such response.", detail: $"No response has id '{id}'.");

    private static (StoredResponse? Response, IResult? Problem) Validate(ResponseRequest body, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var responseId = errors.Required("responseId", body.ResponseId);
        var respondedAt = errors.Time("respondedAt", body.RespondedAt, required: true, now);
        var kind = errors.Kind("kind", body.Kind);
        var rating = errors.Rating("rating", body.Rating) ?? default;
        var probability = errors.Probability("inclusionProbability", body.InclusionProbability);
        var attributes = errors.Attributes(body.Attributes, body.Extra);
        if (body.RespondentId is { } respondent && body.CustomerId is { } customer && respondent != customer)
        {
            errors.Add("customerId", "differs from respondentId; send one of them.");
        }
        if (errors.Any) return (null, errors.ToProblem());

        return (new StoredResponse
        {
            ResponseId = responseId!, RespondentId = body.RespondentId ?? body.CustomerId ?? "", InvitationId = body.InvitationId, Kind = kind,
            Rating = rating.Value, Category = rating.Category, Comment = body.Comment, CallbackRequested = body.CallbackRequested ?? false,
            RespondedAt = respondedAt!.Value, Team = body.Team, Agent = body.Agent, Channel = body.Channel, Product = body.Product,
            Touchpoint = body.Touchpoint, Attributes = attributes is null ? [] : new Dictionary<string, string>(attributes, StringComparer.Ordinal), InclusionProbability = probability,
            IsManual = body.IsManual ?? false, ReceivedAt = now,
        }, null);
    }

    /// <summary>Whether a retry carries the same answer (the receipt time and follow-up are the server's, not the client's).</summary>
    private static bool SameContent(StoredResponse stored, StoredResponse retry) =>
        JsonSerializer.Serialize(stored with { ReceivedAt = default, FollowUpId = null }, ApiJsonContext.Default.StoredResponse) ==
        JsonSerializer.Serialize(retry with { ReceivedAt = default, FollowUpId = null }, ApiJsonContext.Default.StoredResponse);
}
