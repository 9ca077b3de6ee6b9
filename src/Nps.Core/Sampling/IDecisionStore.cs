using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>
/// Where survey decisions and quota counters are kept, beside the contact ledger they are decided against, so
/// that each decision is one transaction: look up an earlier decision for the event, check the rules against the
/// customer's history, record the invitation, count the quota and store the decision, all or nothing.
/// </summary>
/// <remarks>
/// <para>The contract, for every implementation (in memory, SQLite, a server database):</para>
/// <list type="bullet">
/// <item><see cref="DecideOnceAsync"/> is idempotent per event: the key is the customer id and event id. When a
/// decision is stored for the key, it is returned as it was (<see cref="RecordedDecision.IsReplay"/>), the decision
/// function does not run, and nothing is written. A retry — concurrent or later, in this process or another
/// instance on the same storage — therefore returns the first decision and records nothing.</item>
/// <item>Otherwise, atomically and serialised per customer: the customer's history is read from <see cref="Ledger"/>
/// and the quota's use in its period (when the request names a quota), the decision function runs, and its
/// commit is applied — the invitation appended to the ledger (with its event id and inclusion probability), the
/// quota counted, the decision stored. Concurrent decisions for one customer behave as if run one after
/// another; concurrent decisions under one quota never count past its maximum.</item>
/// <item>The decision function is pure and fast: it may run more than once (a database may retry) and must not
/// do I/O. A commit may count the quota only when <see cref="DecisionState.QuotaAvailable"/> was true.</item>
/// <item>First sightings: when the request has a <see cref="DecisionRequest.SeenAt"/> and no first sighting is
/// recorded for the customer, the commit records it, in the same transaction as the decision (not on a replay, not
/// when the decision function throws); the decision function sees the recorded one in
/// <see cref="DecisionState.FirstSeenAt"/>. Concurrent first sightings of one customer, from any instance, agree on
/// one time (the first to commit), and it never changes afterwards.</item>
/// <item>Quota counts and first sightings are durable: a new store instance on the same storage continues them.</item>
/// <item>Ids are compared ordinally.</item>
/// </list>
/// </remarks>
public interface IDecisionStore
{
    /// <summary>The contact ledger the decisions are checked against and invitations recorded in (same storage).</summary>
    IContactLedger Ledger { get; }

    /// <summary>Returns the stored decision for the event, or decides and records it, as one transaction.</summary>
    /// <param name="request">The event's key and the quota it would count against.</param>
    /// <param name="decide">A pure function from the customer's state to the decision and what to record.</param>
    /// <param name="cancellationToken">Cancels the operation (nothing is recorded when cancelled before commit).</param>
    /// <returns>The stored decision and whether it was an earlier one.</returns>
    ValueTask<RecordedDecision> DecideOnceAsync(DecisionRequest request, Func<DecisionState, DecisionCommit> decide,
        CancellationToken cancellationToken = default);

    /// <summary>The stored decision for a customer's event.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="eventId">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision, or <see langword="null"/> when none is stored.</returns>
    ValueTask<SurveyDecision?> FindAsync(string customerId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>The customer's recorded first sighting (for audits: a relational first slot counts from it).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The first sighting, or <see langword="null"/> when none is recorded.</returns>
    ValueTask<DateTimeOffset?> FindFirstSeenAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>How many invitations a quota has counted in its period.</summary>
    /// <param name="quota">The quota (its <see cref="QuotaKey.MaxInvitations"/> is not used).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count, 0 when nothing was counted.</returns>
    ValueTask<int> GetQuotaUsedAsync(QuotaKey quota, CancellationToken cancellationToken = default);
}
