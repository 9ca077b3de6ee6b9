using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>
/// The decision path of a program built over a bare <see cref="IContactLedger"/>: the rules and the invitation are
/// one check-and-record of the ledger, quotas are counted and first sightings kept in this process (quotas reserved
/// before, released when unused), and decisions are not remembered.
/// </summary>
internal sealed class LedgerOnlyDecisionStore(IContactLedger ledger) : IDecisionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset PeriodStart, int Used)> _quotas = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public IContactLedger Ledger => ledger;

    public async ValueTask<RecordedDecision> DecideOnceAsync(DecisionRequest request, Func<DecisionState, DecisionCommit> decide,
        CancellationToken cancellationToken = default)
    {
        var reserved = request.Quota is { } quota && TryReserve(quota);
        DateTimeOffset? firstSeen = request.SeenAt is { } seen ? _firstSeen.GetOrAdd(request.CustomerId, seen) : null;
        var counted = false;
        try
        {
            var decision = await ledger.CheckAndRecordAsync(request.CustomerId, history =>
            {
                var commit = decide(new DecisionState(history, request.Quota is null || reserved, firstSeen));
                DecisionStoreGuard.Check(request, commit);
                counted = commit.CountsQuota;
                return new LedgerDecision<SurveyDecision>(commit.Decision, commit.Invitation?.Record);
            }, cancellationToken).ConfigureAwait(false);
            return new RecordedDecision(decision, IsReplay: false);
        }
        finally
        {
            if (reserved && !counted) Release(request.Quota!);
        }
    }

    public ValueTask<SurveyDecision?> FindAsync(string customerId, string eventId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<SurveyDecision?>(null);

    public ValueTask<DateTimeOffset?> FindFirstSeenAsync(string customerId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_firstSeen.TryGetValue(customerId, out var seen) ? seen : (DateTimeOffset?)null);

    public ValueTask<int> GetQuotaUsedAsync(QuotaKey quota, CancellationToken cancellationToken = default)
    {
        lock (_gate) return ValueTask.FromResult(_quotas.TryGetValue(quota.Policy, out var q) && q.PeriodStart == quota.PeriodStart ? q.Used : 0);
    }

    private bool TryReserve(QuotaKey quota)
    {
        lock (_gate)
        {
            if (!_quotas.TryGetValue(quota.Policy, out var q) || q.PeriodStart != quota.PeriodStart) q = (quota.PeriodStart, 0);
            if (q.Used >= quota.MaxInvitations) return false;
            _quotas[quota.Policy] = (q.PeriodStart, q.Used + 1);
            return true;
        }
    }

    private void Release(QuotaKey quota)
    {
        lock (_gate)
        {
            if (_quotas.TryGetValue(quota.Policy, out var q) && q.PeriodStart == quota.PeriodStart && q.Used > 0) _quotas[quota.Policy] = (q.PeriodStart, q.Used - 1);
        }
    }
}
