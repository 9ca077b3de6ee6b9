using System.Text.Json;
using Nps.Sampling;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// What both relational decision stores check and keep the same way: a decision request names its customer and
/// event, a decision is stored as its JSON body (<see cref="StoreJson"/>), and a commit never counts a quota past its
/// maximum. How the rows are locked and written is each store's own.
/// </summary>
internal static class StoredDecisions
{
    /// <summary>Checks the arguments of <see cref="IDecisionStore.DecideOnceAsync"/>.</summary>
    public static void CheckRequest(DecisionRequest request, Func<DecisionState, DecisionCommit> decide)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentException.ThrowIfNullOrEmpty(request.CustomerId);
        ArgumentException.ThrowIfNullOrEmpty(request.EventId);
    }

    /// <summary>The stored body of a decision.</summary>
    public static string Write(SurveyDecision decision) => JsonSerializer.Serialize(decision, StoreJson.Default.SurveyDecision);

    /// <summary>A decision from its stored body.</summary>
    public static SurveyDecision Read(string body) =>
        JsonSerializer.Deserialize(body, StoreJson.Default.SurveyDecision) ?? throw new InvalidDataException("A stored decision is null.");

    /// <summary>The error for a commit that counts a quota with no room left (a decision function that ignored <see cref="DecisionState"/>).</summary>
    public static InvalidOperationException QuotaPastMaximum(QuotaKey quota) => new($"The decision counted quota '{quota.Policy}' past its maximum.");
}
