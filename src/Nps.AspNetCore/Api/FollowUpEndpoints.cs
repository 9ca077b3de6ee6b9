using Microsoft.AspNetCore.Http.HttpResults;
using Nps.FollowUp;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/follow-ups?status=</c>, <c>GET /api/follow-ups/{id}</c>, <c>POST /api/follow-ups/{id}/status</c>.</summary>
internal static class FollowUpEndpoints
{
    internal static void MapFollowUps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/follow-ups", ListAsync)
            .WithName("ListFollowUps")
            .WithTags("Follow-ups")
            .WithSummary("Follow-ups (optionally by status: open, contacted, closed), by due time, a page at a time (limit, cursor; next page in the Link header).")
            .Produces<IReadOnlyList<FollowUpCaseDocument>>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .WithNoStore();

        app.MapGet("/api/follow-ups/{id}", GetAsync)
            .WithName("GetFollowUp")
            .WithTags("Follow-ups")
            .Produces<FollowUpCaseDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithNoStore();

        app.MapPost("/api/follow-ups/{id}/status", SetStatusAsync)
            .WithName("SetFollowUpStatus")
            .WithTags("Follow-ups")
            .WithSummary("Moves a follow-up: open → contacted → closed, or open → closed.")
            .Accepts<FollowUpStatusRequest>("application/json")
            .Produces<FollowUpCaseDocument>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithNoStore();
    }

    private static async Task<IResult> ListAsync(HttpContext context, FollowUpService followUps, TimeProvider clock, CancellationToken cancellationToken,
        string? status = null, string? limit = null, string? cursor = null)
    {
        var errors = new FieldErrors();
        var wanted = Status(errors, "status", status, required: false);
        var (size, after) = Paging.Read(errors, limit, cursor);
        if (errors.Any) return errors.ToProblem();
        var now = clock.GetUtcNow();
        var page = Paging.Apply(context, await followUps.ListAsync(wanted, cancellationToken), f => Paging.TimeThenId(f.DueAt, f.Id), size, after);
        IReadOnlyList<FollowUpCaseDocument> list = [.. page.Select(f => FollowUpCaseDocument.From(f, now))];
        return TypedResults.Json(list, NpsJson.TypeInfo<IReadOnlyList<FollowUpCaseDocument>>());
    }

    private static async Task<IResult> GetAsync(string id, FollowUpService followUps, TimeProvider clock, CancellationToken cancellationToken) =>
        await followUps.FindAsync(id, cancellationToken) is { } found
            ? Document(found, clock)
            : NotFound(id);

    private static async Task<IResult> SetStatusAsync(string id, HttpRequest request, FollowUpService followUps, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.FollowUpStatusRequest, cancellationToken);
        if (problem is not null) return problem;
        var errors = new FieldErrors();
        var to = Status(errors, "status", body!.Status, required: true);
        if (errors.Any) return errors.ToProblem();
        if (await followUps.FindAsync(id, cancellationToken) is null) return NotFound(id);

        var result = await followUps.TransitionAsync(id, to!.Value, body.Note, cancellationToken);
        return result.Succeeded
            ? Document(result.FollowUp!, clock)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The follow-up cannot make this move.", detail: result.Error);
    }

    private static FollowUpStatus? Status(FieldErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required.");
            return null;
        }

        return QueryParsing.Wire<FollowUpStatus>(errors, field, value, "a follow-up status");
    }

    private static JsonHttpResult<FollowUpCaseDocument> Document(FollowUpCase followUp, TimeProvider clock) =>
        TypedResults.Json(FollowUpCaseDocument.From(followUp, clock.GetUtcNow()), NpsJson.TypeInfo<FollowUpCaseDocument>());

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such follow-up.", detail: $"No follow-up has id '{id}'.");
}
