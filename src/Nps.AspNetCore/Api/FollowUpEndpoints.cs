using Microsoft.AspNetCore.Http.HttpResults;
using Nps.FollowUp;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/follow-ups?status=&amp;team=&amp;limit=&amp;cursor=</c> (a page read from the store), <c>GET /api/follow-ups/{id}</c>, <c>POST /api/follow-ups/{id}/status</c>.</summary>
internal static class FollowUpEndpoints
{
    internal static void MapFollowUps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/follow-ups", ListAsync)
            .WithName("ListFollowUps")
            .WithTags("Follow-ups")
            .WithSummary("Follow-ups (optionally by status: open, contacted, closed; and by owner team, ignoring case), by due time, a page at a time (limit, cursor; next page in the Link header).")
            .WithNoStore();

        app.MapGet("/api/follow-ups/{id}", GetAsync)
            .WithName("GetFollowUp")
            .WithTags("Follow-ups")
            .WithNoStore();

        app.MapPost("/api/follow-ups/{id}/status", SetStatusAsync)
            .WithName("SetFollowUpStatus")
            .WithTags("Follow-ups")
            .WithSummary("Moves a follow-up: open → contacted → closed, or open → closed.")
            .WithNoStore();
    }

    private static async Task<Results<JsonOk<IReadOnlyList<FollowUpCaseDocument>>, ValidationProblem>> ListAsync([AsParameters] FollowUpListQuery query, HttpContext context,
        FollowUpService followUps, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (page, size) = query.Resolve(errors);
        if (errors.Any) return errors.ToProblem();
        var now = clock.GetUtcNow();
        var read = await followUps.ListPageAsync(page, cancellationToken);
        var shown = Paging.Page(context, read, f => Paging.Key(FollowUpListPosition.Of(f)), size);
        IReadOnlyList<FollowUpCaseDocument> list = [.. shown.Select(f => FollowUpCaseDocument.From(f, now))];
        return new JsonOk<IReadOnlyList<FollowUpCaseDocument>>(list, NpsJson.TypeInfo<IReadOnlyList<FollowUpCaseDocument>>());
    }

    private static async Task<Results<JsonOk<FollowUpCaseDocument>, NotFoundProblem>> GetAsync(string id, FollowUpService followUps, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await followUps.FindAsync(id, cancellationToken) is { } found
            ? Document(found, clock)
            : NotFound(id);

    private static async Task<Results<JsonOk<FollowUpCaseDocument>, ValidationProblem, NotFoundProblem, ConflictProblem, PayloadTooLargeProblem>> SetStatusAsync(
        string id, JsonRequestBody<FollowUpStatusRequest> request, FollowUpService followUps, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.TooLarge is { } tooLarge) return tooLarge;
        if (request.Invalid is { } invalid) return invalid;
        var body = request.Value!;
        var errors = new FieldErrors();
        var to = Status(errors, body.Status);
        if (errors.Any) return errors.ToProblem();
        if (await followUps.FindAsync(id, cancellationToken) is null) return NotFound(id);

        var result = await followUps.TransitionAsync(id, to!.Value, body.Note, cancellationToken);
        return result.Succeeded
            ? Document(result.FollowUp!, clock)
            : new ConflictProblem("The follow-up cannot make this move.", result.Error?.Reason);
    }

    private static FollowUpStatus? Status(FieldErrors errors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("status", "is required.");
            return null;
        }

        QueryWireName<FollowUpStatus>.TryParse(value, null, out var status);
        return status.Check(errors, "status", "a follow-up status");
    }

    private static JsonOk<FollowUpCaseDocument> Document(FollowUpCase followUp, TimeProvider clock) =>
        new(FollowUpCaseDocument.From(followUp, clock.GetUtcNow()), NpsJson.TypeInfo<FollowUpCaseDocument>());

    private static NotFoundProblem NotFound(string id) => new("No such follow-up.", $"No follow-up has id '{id}'.");
}
