using Nps.Sampling;
using Nps.Serialization;

namespace Nps.Samples.AspNet.Storage;

/// <summary>
/// Decisions by (customer, event), so a retried <c>POST /api/touchpoints</c> returns the first decision instead
/// of deciding again (which would meet the first call's invitation in the ledger and suppress).
/// </summary>
public sealed class DecisionStore(SqliteDatabase database)
{
    public async Task<string?> FindAsync(string customerId, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM decisions WHERE customer_id = $customer AND event_id = $event;";
        select.Parameters.AddWithValue("$customer", customerId);
        select.Parameters.AddWithValue("$event", eventId);
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Stores the decision unless one is stored for the event already; returns the stored JSON.</summary>
    public async Task<string> AddAsync(SurveyDecision decision, CancellationToken cancellationToken)
    {
        var body = NpsJson.Serialize(SurveyDecisionDocument.From(decision));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO decisions (customer_id, event_id, body) VALUES ($customer, $event, $body)
            ON CONFLICT (customer_id, event_id) DO UPDATE SET body = body
            RETURNING body;
            """;
        insert.Parameters.AddWithValue("$customer", decision.CustomerId);
        insert.Parameters.AddWithValue("$event", decision.EventId);
        insert.Parameters.AddWithValue("$body", body);
        return (string)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }
}
