using Microsoft.AspNetCore.Http.HttpResults;
using Nps.Privacy;

namespace Nps.AspNetCore.Api;

/// <summary><c>DELETE /api/customers/{customerId}</c>: erasure on request.</summary>
internal static class CustomerErasureEndpoints
{
    internal static void MapCustomerErasure(this IEndpointRouteBuilder app) =>
        app.MapDelete("/api/customers/{customerId}", EraseAsync)
            .WithName("EraseCustomer")
            .WithTags("Customers")
            .WithSummary("Erases everything about the customer (contacts, decisions, invitations, responses, follow-ups) and keeps a tombstone, so the customer's old rows are refused if sent again. 204, also on a repeat.")
            .WithNoStore();

    private static async Task<NoContent> EraseAsync(string customerId, CustomerErasure erasure, CancellationToken cancellationToken)
    {
        await erasure.EraseCustomerAsync(customerId, cancellationToken);
        return TypedResults.NoContent();
    }
}
