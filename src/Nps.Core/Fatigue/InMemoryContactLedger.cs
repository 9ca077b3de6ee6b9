using System.Runtime.InteropServices;

namespace Nps.Fatigue;

/// <summary>
/// An <see cref="IContactLedger"/> in process memory, for one instance (tests, single-node services, benchmarks).
/// Compact: each customer is a dictionary entry holding one exact-size array of 8-byte
/// <see cref="ContactRecord"/>s; arrays are replaced, never written in place, so a history handed out stays a
/// snapshot. Atomic per customer through striped locks: a stripe guards both its part of the dictionary and its
/// customers' check-and-record.
/// </summary>
public sealed class InMemoryContactLedger : IContactLedger
{
    private const int StripeCount = 64;
    private readonly Stripe[] _stripes;
    private readonly TimeProvider _timeProvider;
    private readonly long _retentionTicks;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="timeProvider">The clock used to forget old records.</param>
    /// <param name="retention">How long records are kept (at least the longest rule window); 400 days when <see langword="null"/>.</param>
    /// <param name="expectedCustomers">A capacity hint, to avoid rehashing while filling.</param>
    public InMemoryContactLedger(TimeProvider timeProvider, TimeSpan? retention = null, int expectedCustomers = 0)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCustomers);
        var keep = retention ?? TimeSpan.FromDays(400);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(keep, TimeSpan.Zero, nameof(retention));
        _timeProvider = timeProvider;
        _retentionTicks = keep.Ticks;
        _stripes = new Stripe[StripeCount];
        for (var i = 0; i < _stripes.Length; i++) _stripes[i] = new Stripe(expectedCustomers / StripeCount);
    }

    /// <inheritdoc/>
    public TimeSpan Retention => TimeSpan.FromTicks(_retentionTicks);

    /// <summary>How many customers have a history.</summary>
    public int CustomerCount
    {
        get
        {
            var count = 0;
            foreach (var stripe in _stripes)
            {
                lock (stripe.Gate) count += stripe.Customers.Count;
            }

            return count;
        }
    }

    /// <summary>
    /// The bytes the customers' record arrays take on a 64-bit runtime (a 24-byte array header plus 8 bytes per
    /// record), without the dictionary and the ids: a deterministic measure of the ledger's compactness.
    /// </summary>
    internal long RecordArrayBytes
    {
        get
        {
            long bytes = 0;
            foreach (var stripe in _stripes)
            {
                lock (stripe.Gate)
                {
                    foreach (var records in stripe.Customers.Values) bytes += 24 + (8L * records.Length);
                }
            }

            return bytes;
        }
    }

    /// <inheritdoc/>
    public ValueTask<TResult> CheckAndRecordAsync<TResult>(string customerId, Func<ContactHistory, LedgerDecision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(decide);
        cancellationToken.ThrowIfCancellationRequested();
        var stripe = StripeOf(customerId);
        lock (stripe.Gate)
        {
            stripe.Customers.TryGetValue(customerId, out var records);
            var decision = decide(new ContactHistory(records ?? []));
            if (decision.Record is { } record) Append(stripe, customerId, records, record);
            return ValueTask.FromResult(decision.Result);
        }
    }

    /// <inheritdoc/>
    public ValueTask RecordAsync(string customerId, ContactRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        var stripe = StripeOf(customerId);
        lock (stripe.Gate)
        {
            stripe.Customers.TryGetValue(customerId, out var records);
            Append(stripe, customerId, records, record);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<ContactHistory> GetHistoryAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        var stripe = StripeOf(customerId);
        lock (stripe.Gate)
        {
            stripe.Customers.TryGetValue(customerId, out var records);
            return ValueTask.FromResult(new ContactHistory(records ?? []));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<LedgerEntry>> GetEntriesAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        var stripe = StripeOf(customerId);
        lock (stripe.Gate)
        {
            stripe.Customers.TryGetValue(customerId, out var records);
            stripe.Invitations.TryGetValue(customerId, out var details);
            var entries = new List<LedgerEntry>(records?.Length ?? 0);
            var used = new bool[details?.Count ?? 0];
            foreach (var record in records ?? [])
            {
                var detail = -1;
                if (details is not null && record.Kind == ContactKind.Invitation)
                {
                    detail = details.FindIndex(d => d.Record == record);
                    while (detail >= 0 && used[detail]) detail = details.FindIndex(detail + 1, d => d.Record == record);
                }

                if (detail >= 0) used[detail] = true;
                entries.Add(detail >= 0 ? details![detail] : new LedgerEntry(record));
            }

            return ValueTask.FromResult<IReadOnlyList<LedgerEntry>>(entries);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> under the customer's lock with their history and a way to append an entry:
    /// the decision and response stores in memory build their one-step operations on it.
    /// </summary>
    internal T Locked<T>(string customerId, Func<ContactHistory, Action<LedgerEntry>, T> body)
    {
        var stripe = StripeOf(customerId);
        lock (stripe.Gate)
        {
            stripe.Customers.TryGetValue(customerId, out var records);
            return body(new ContactHistory(records ?? []), entry =>
            {
                stripe.Customers.TryGetValue(customerId, out var current);
                Append(stripe, customerId, current, entry.Record);
                if (entry.EventId is not null || entry.InclusionProbability is not null)
                {
                    ref var details = ref CollectionsMarshal.GetValueRefOrAddDefault(stripe.Invitations, customerId, out _);
                    details ??= [];
                    var horizon = _timeProvider.GetUtcNow().UtcTicks - _retentionTicks;
                    details.RemoveAll(d => d.Record.UtcTicks < horizon);
                    details.Add(entry);
                }
            });
        }
    }

    /// <summary>Removes a customer's contact records (erasure).</summary>
    internal int Forget(string customerId)
    {
        var stripe = StripeOf(customerId);
        lock (stripe.Gate)
        {
            var removed = stripe.Customers.Remove(customerId, out var records) ? records.Length : 0;
            stripe.Invitations.Remove(customerId);
            return removed;
        }
    }

    /// <summary>
    /// Removes up to <paramref name="limit"/> records dated before <paramref name="before"/> (retention), keeping each
    /// customer's latest opt-out or opt-in: consent does not expire.
    /// </summary>
    internal int ForgetBefore(DateTimeOffset before, int limit)
    {
        var cutoff = before.UtcTicks;
        var removed = 0;
        foreach (var stripe in _stripes)
        {
            if (removed >= limit) break;
            lock (stripe.Gate)
            {
                foreach (var customerId in stripe.Customers.Keys.ToList())
                {
                    if (removed >= limit) break;
                    var records = stripe.Customers[customerId];
                    var latestConsent = Array.FindLastIndex(records, r => r.Kind is ContactKind.OptOut or ContactKind.OptIn);
                    var kept = new List<ContactRecord>(records.Length);
                    for (var i = 0; i < records.Length; i++)
                    {
                        if (records[i].UtcTicks < cutoff && i != latestConsent && removed < limit) removed++;
                        else kept.Add(records[i]);
                    }

                    if (kept.Count == records.Length) continue;
                    if (kept.Count == 0) stripe.Customers.Remove(customerId);
                    else stripe.Customers[customerId] = [.. kept];
                    if (stripe.Invitations.TryGetValue(customerId, out var details))
                    {
                        details.RemoveAll(d => !kept.Contains(d.Record));
                        if (details.Count == 0) stripe.Invitations.Remove(customerId);
                    }
                }
            }
        }

        return removed;
    }

    /// <summary>Whether the customer has any record.</summary>
    internal bool HasRecords(string customerId)
    {
        var stripe = StripeOf(customerId);
        lock (stripe.Gate) return stripe.Customers.ContainsKey(customerId);
    }

    private Stripe StripeOf(string customerId) =>
        _stripes[(uint)StringComparer.Ordinal.GetHashCode(customerId) % StripeCount];

    private void Append(Stripe stripe, string customerId, ContactRecord[]? records, ContactRecord record)
    {
        var old = records ?? [];
        var horizon = _timeProvider.GetUtcNow().UtcTicks - _retentionTicks;

        // Forget records past retention, but keep the latest opt-out/opt-in: consent does not expire.
        var latestConsent = -1;
        for (var i = old.Length - 1; i >= 0; i--)
        {
            if (old[i].Kind is ContactKind.OptOut or ContactKind.OptIn) { latestConsent = i; break; }
        }

        var keep = 0;
        for (var i = 0; i < old.Length; i++)
        {
            if (old[i].UtcTicks >= horizon || i == latestConsent) keep++;
        }

        var next = new ContactRecord[keep + 1];
        var at = 0;
        var inserted = false;
        for (var i = 0; i < old.Length; i++)
        {
            if (old[i].UtcTicks < horizon && i != latestConsent) continue;
            if (!inserted && record < old[i]) { next[at++] = record; inserted = true; }
            next[at++] = old[i];
        }

        if (!inserted) next[at] = record;
        CollectionsMarshal.GetValueRefOrAddDefault(stripe.Customers, customerId, out _) = next;
    }

    private sealed class Stripe(int capacity)
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<string, ContactRecord[]> Customers = new(capacity, StringComparer.Ordinal);

        // Only invitations decided by a decision store carry an event id and a probability; kept apart so the
        // 8-byte records stay compact.
        public readonly Dictionary<string, List<LedgerEntry>> Invitations = new(StringComparer.Ordinal);
    }
}
