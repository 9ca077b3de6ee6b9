using Nps.Customers;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary><c>GET /api/customers/{customerId}</c>: the customer's contacts, responses, follow-ups and when they may be surveyed again.</summary>
internal static class CustomerEndpoints
{
    internal static void MapCustomers(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/customers/{customerId}", GetAsync)
            .WithName("GetCustomer")
            .WithTags("Customers")
            .WithSummary("The customer record: contacts (invitation, response, follow-up, opt-out), responses, follow-ups, eligibleAgainAt (null when eligible now).")
            .WithNoStore();

    private static async Task<JsonOk<CustomerRecordDocument>> GetAsync(string customerId, CustomerRecords customers, CancellationToken cancellationToken) =>
        new(CustomerRecordDocument.From(await customers.ReadAsync(customerId, cancellationToken)), NpsJson.TypeInfo<CustomerRecordDocument>());
}
