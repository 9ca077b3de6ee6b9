using Microsoft.AspNetCore.Http.HttpResults;
using Nps.Delivery;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>POST /api/invitations/{id}/bounce</c>: the mail system reports a bounce or a complaint (a complaint is an opt-out).</summary>
internal static class InvitationEndpoints
{
    internal static void MapInvitations(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/invitations/{id}/bounce", BounceAsync)
            .WithName("InvitationBounce")
            .WithTags("Invitations")
            .WithSummary("Records a bounce (the invitation bounced) or a complaint (the customer opted out) for an invitation.");

    private static async Task<Results<JsonOk<InvitationBounceResult>, ValidationProblem, NotFoundProblem, PayloadTooLargeProblem>> BounceAsync(string id,
        JsonRequestBody<InvitationBounceRequest> request, IInvitationStore invitations, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.TooLarge is { } tooLarge) return tooLarge;
        if (request.Invalid is { } invalid) return invalid;
        var body = request.Value!;
        var complaint = body.Kind switch
        {
            "bounce" => false,
            "complaint" => true,
            _ => (bool?)null,
        };
        if (complaint is null)
        {
            var errors = new FieldErrors();
            errors.Add("kind", body.Kind is null ? "is required: bounce or complaint." : $"'{body.Kind}' is not a kind: bounce or complaint.");
            return errors.ToProblem();
        }

        var after = await invitations.MarkBouncedAsync(id, clock.GetUtcNow(), complaint.Value, cancellationToken);
        return after is null
            ? new NotFoundProblem("No such invitation.", $"No invitation has the id '{id}'.")
            : new JsonOk<InvitationBounceResult>(new InvitationBounceResult(after.Id, WireNames.Format(after.Status)), ApiJsonContext.Default.InvitationBounceResult);
    }
}
