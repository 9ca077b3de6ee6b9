using System.Collections.Concurrent;
using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>
/// An <see cref="IDecisionStore"/> in process memory over an <see cref="InMemoryContactLedger"/> (tests,
/// single-node services). A decision runs under the customer's ledger lock, and under the store's quota lock
/// when it names a quota, so it is one step; quotas and first sightings are shared by every program that uses this store instance
/// and last as long as it does.
/// </summary>
public sealed class InMemoryDecisionStore : IDecisionStore
{
    private readonly InMemoryContactLedger _ledger;
    private readonly ConcurrentDictionary<(string CustomerId, string EventId), SurveyDecision> _decisions = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Policy, DateTimeOffset PeriodStart), int> _quotas = [];
    private readonly Lock _quotaGate = new();

    /// <summary>Creates an empty store over a ledger, with an outbox of its own (<see cref="Invitations"/>).</summary>
    /// <param name="ledger">The ledger decisions are checked against and invitations recorded in.</param>
    public InMemoryDecisionStore(InMemoryContactLedger ledger)
        : this(ledger, new Delivery.InMemoryInvitationStore(ledger ?? throw new ArgumentNullException(nameof(ledger))))
    {
    }

    /// <summary>Creates an empty store over a ledger that puts each decision's invitation in <paramref name="invitations"/>.</summary>
    /// <param name="ledger">The ledger decisions are checked against and invitations recorded in.</param>
    /// <param name="invitations">The outbox (beside the same ledger).</param>
    public InMemoryDecisionStore(InMemoryContactLedger ledger, Delivery.InMemoryInvitationStore invitations)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(invitations);
        _ledger = ledger;
        Invitations = invitations;
    }

    /// <summary>The outbox that receives each decision's invitation.</summary>
    public Delivery.InMemoryInvitationStore Invitations { get; }

    /// <summary>Removes a customer's decisions and first sighting (erasure); quota counts hold no one and stay.</summary>
    internal int Forget(string customerId)
    {
        var removed = 0;
        foreach (var key in _decisions.Keys.Where(k => string.Equals(k.CustomerId, customerId, StringComparison.Ordinal)).ToList())
        {
            if (_decisions.TryRemove(key, out _)) removed++;
        }

        if (_firstSeen.TryRemove(customerId, out _)) removed++;
        return removed;
    }

    /// <summary>
    /// Removes up to <paramref name="limit"/> decisions made before <paramref name="before"/>, then first sightings
    /// before it of customers with no contact left in the ledger (retention).
    /// </summary>
    internal int ForgetBefore(DateTimeOffset before, int limit)
    {
        var removed = 0;
        foreach (var (key, decision) in _decisions)
        {
            if (removed >= limit) return removed;
            if (decision.DecidedAt < before && _decisions.TryRemove(key, out _)) removed++;
        }

        foreach (var (customerId, seen) in _firstSeen)
        {
            if (removed >= limit) return removed;
            if (seen < before && !_ledger.HasRecords(customerId) && _firstSeen.TryRemove(customerId, out _)) removed++;
        }

        return removed;
    }

    /// <inheritdoc/>
    public IContactLedger Ledger => _ledger;

    /// <summary>How many decisions are stored.</summary>
    public int Count => _decisions.Count;

    /// <inheritdoc/>
    public ValueTask<RecordedDecision> DecideOnceAsync(DecisionRequest request, Func<DecisionState, DecisionCommit> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentException.ThrowIfNullOrEmpty(request.CustomerId);
        ArgumentException.ThrowIfNullOrEmpty(request.EventId);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (request.CustomerId, request.EventId);
        var recorded = _ledger.Locked(request.CustomerId, (history, append) =>
        {
            if (_decisions.TryGetValue(key, out var earlier)) return new RecordedDecision(earlier, IsReplay: true);

            // Under the customer's lock, so concurrent first sightings of one customer see each other.
            var firstSeen = request.SeenAt is { } seen ? _firstSeen.TryGetValue(request.CustomerId, out var known) ? known : seen : (DateTimeOffset?)null;
            if (request.Quota is not { } quota) return Apply(decide(new DecisionState(history, QuotaAvailable: true, firstSeen)), append, null);

            // Held across the decision: two customers (two ledger locks) must not both take the last slot.
            lock (_quotaGate)
            {
                _quotas.TryGetValue((quota.Policy, quota.PeriodStart), out var used);
                return Apply(decide(new DecisionState(history, used < quota.MaxInvitations, firstSeen)), append, quota);
            }
        });
        return ValueTask.FromResult(recorded);

        RecordedDecision Apply(DecisionCommit commit, Action<LedgerEntry> append, QuotaKey? quota)
        {
            DecisionStoreGuard.Check(request, commit);
            if (commit.CountsQuota)
            {
                var slot = (quota!.Policy, quota.PeriodStart);
                _quotas.TryGetValue(slot, out var used);
                if (used >= quota.MaxInvitations) throw new InvalidOperationException($"The decision counted quota '{quota.Policy}' past its maximum.");
                _quotas[slot] = used + 1;
            }

            if (commit.Invitation is { } invitation) append(invitation);
            if (commit.Delivery is { } delivery) Invitations.Add(delivery);
            if (request.SeenAt is { } seen) _firstSeen.TryAdd(request.CustomerId, seen);
            _decisions[key] = commit.Decision;
            return new RecordedDecision(commit.Decision, IsReplay: false);
        }
    }

    /// <inheritdoc/>
    public ValueTask<SurveyDecision?> FindAsync(string customerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return ValueTask.FromResult(_decisions.TryGetValue((customerId, eventId), out var found) ? found : null);
    }

    /// <inheritdoc/>
    public ValueTask<DateTimeOffset?> FindFirstSeenAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return ValueTask.FromResult(_firstSeen.TryGetValue(customerId, out var seen) ? seen : (DateTimeOffset?)null);
    }

    /// <inheritdoc/>
    public ValueTask<int> GetQuotaUsedAsync(QuotaKey quota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quota);
        lock (_quotaGate) return ValueTask.FromResult(_quotas.TryGetValue((quota.Policy, quota.PeriodStart), out var used) ? used : 0);
    }
}
