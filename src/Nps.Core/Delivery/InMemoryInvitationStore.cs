using System.Runtime.CompilerServices;
using Nps.Fatigue;
using Nps.Segmentation;

namespace Nps.Delivery;

/// <summary>
/// An <see cref="IInvitationStore"/> in process memory beside an <see cref="InMemoryContactLedger"/> (tests, single-node
/// services). Every change runs under the customer's ledger lock and then the store's lock (the order the decision and
/// response stores take them too), so a mark and its ledger contact are one step.
/// </summary>
public sealed class InMemoryInvitationStore : IInvitationStore
{
    private readonly InMemoryContactLedger _ledger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SurveyInvitation> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byTokenHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);

    /// <summary>Creates an empty store beside a ledger.</summary>
    /// <param name="ledger">The ledger that receives reminders and opt-outs.</param>
    public InMemoryInvitationStore(InMemoryContactLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        _ledger = ledger;
    }

    /// <summary>How many invitations are stored.</summary>
    public int Count
    {
        get { lock (_gate) return _byId.Count; }
    }

    /// <summary>Removes a customer's invitations with their token hashes and claims (erasure).</summary>
    internal int Forget(string customerId)
    {
        lock (_gate)
        {
            var ids = _byId.Values.Where(i => string.Equals(i.CustomerId, customerId, StringComparison.Ordinal)).Select(i => i.Id).ToList();
            return RemoveLocked(ids);
        }
    }

    /// <summary>
    /// Removes up to <paramref name="limit"/> invitations scheduled before <paramref name="before"/>, except sent ones whose
    /// link still opens at that time (retention).
    /// </summary>
    internal int ForgetBefore(DateTimeOffset before, int limit)
    {
        lock (_gate)
        {
            var ids = _byId.Values
                .Where(i => i.ScheduledAt < before && !(i.Status == InvitationStatus.Sent && i.ExpiresAt >= before))
                .Take(limit).Select(i => i.Id).ToList();
            return RemoveLocked(ids);
        }
    }

    /// <summary>Removes the invitations with their token hashes and claims; the caller holds the gate.</summary>
    private int RemoveLocked(List<string> ids)
    {
        foreach (var id in ids)
        {
            var invitation = _byId[id];
            if (!invitation.TokenHash.IsEmpty) _byTokenHash.Remove(Convert.ToHexString(invitation.TokenHash.Span));
            _claims.Remove(id);
            _byId.Remove(id);
        }

        return ids.Count;
    }

    /// <summary>Adds a decision's invitation (called by <see cref="Sampling.InMemoryDecisionStore"/> under the customer's lock).</summary>
    internal void Add(SurveyInvitation invitation)
    {
        lock (_gate)
        {
            if (!_byId.TryAdd(invitation.Id, invitation)) return;
            if (!invitation.TokenHash.IsEmpty) _byTokenHash[Convert.ToHexString(invitation.TokenHash.Span)] = invitation.Id;
        }
    }

    /// <summary>Marks an invitation answered (called by the response store in its step); false when it was not waiting for an answer (a late answer to an expired one still counts).</summary>
    internal bool Answer(string invitationId)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(invitationId, out var found) || found.Status is not (InvitationStatus.Scheduled or InvitationStatus.Sent or InvitationStatus.Expired)) return false;
            _byId[invitationId] = found with { Status = InvitationStatus.Answered, DueAt = null };
            _claims.Remove(invitationId);
            return true;
        }
    }

    /// <inheritdoc/>
    public ValueTask<SurveyInvitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        lock (_gate) return ValueTask.FromResult(_byId.GetValueOrDefault(invitationId));
    }

    /// <inheritdoc/>
    public ValueTask<SurveyInvitation?> FindByEventAsync(string customerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return FindAsync(SurveyInvitation.IdFor(customerId, eventId), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<SurveyInvitation?> FindByTokenHashAsync(ReadOnlyMemory<byte> tokenHash, CancellationToken cancellationToken = default)
    {
        var key = Convert.ToHexString(tokenHash.Span);
        lock (_gate) return ValueTask.FromResult(_byTokenHash.TryGetValue(key, out var id) ? _byId[id] : null);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<InvitationClaim>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var due = _byId.Values
                .Where(i => i.DueAt is { } at && at <= now && IsOpen(i, now) && !(_claims.TryGetValue(i.Id, out var until) && until > now))
                .OrderBy(i => i.DueAt).ThenBy(i => i.Id, StringComparer.Ordinal).Take(limit).ToList();
            var claims = new List<InvitationClaim>(due.Count);
            foreach (var invitation in due)
            {
                _claims[invitation.Id] = now + lease;
                claims.Add(InvitationClaim.For(invitation, now + lease));
            }

            return ValueTask.FromResult<IReadOnlyList<InvitationClaim>>(claims);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> MarkSentAsync(InvitationClaim claim, DateTimeOffset sentAt, DateTimeOffset expiresAt, DateTimeOffset? nextDueAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var invitation = claim.Invitation;
        var marked = _ledger.Locked(invitation.CustomerId, (_, append) =>
        {
            lock (_gate)
            {
                if (!_byId.TryGetValue(invitation.Id, out var current)) return false;
                if (claim.Attempt == OutboxAttempt.Invitation)
                {
                    if (current.Status != InvitationStatus.Scheduled) return false;
                    _byId[invitation.Id] = current with { Status = InvitationStatus.Sent, SentAt = sentAt, ExpiresAt = expiresAt, DueAt = nextDueAt, Attempts = 0 };
                }
                else
                {
                    if (current.Status != InvitationStatus.Sent || current.Reminders != claim.Number - 1) return false;
                    _byId[invitation.Id] = current with { Reminders = claim.Number, DueAt = nextDueAt, Attempts = 0 };
                    append(new LedgerEntry(ContactRecord.Create(ContactKind.Reminder, sentAt, current.Kind, current.IsManual), current.EventId));
                }

                _claims.Remove(invitation.Id);
                return true;
            }
        });
        return ValueTask.FromResult(marked);
    }

    /// <inheritdoc/>
    public ValueTask<bool> RetryAsync(string invitationId, DateTimeOffset dueAt, bool failed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        lock (_gate)
        {
            if (!_byId.TryGetValue(invitationId, out var current) || current.Status is not (InvitationStatus.Scheduled or InvitationStatus.Sent)) return ValueTask.FromResult(false);
            _byId[invitationId] = current with { DueAt = dueAt, Attempts = current.Attempts + (failed ? 1 : 0) };
            _claims.Remove(invitationId);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> MarkFailedAsync(string invitationId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            if (!_byId.TryGetValue(invitationId, out var current) || current.Status is not (InvitationStatus.Scheduled or InvitationStatus.Sent)) return ValueTask.FromResult(false);
            _byId[invitationId] = current.Status == InvitationStatus.Scheduled
                ? current with { Status = InvitationStatus.Failed, FailureReason = reason, DueAt = null }
                : current with { FailureReason = reason, DueAt = null };
            _claims.Remove(invitationId);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<SurveyInvitation?> MarkBouncedAsync(string invitationId, DateTimeOffset at, bool complaint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        if (complaint) return OptOutAsync(invitationId, at, cancellationToken);
        lock (_gate)
        {
            if (!_byId.TryGetValue(invitationId, out var current)) return ValueTask.FromResult<SurveyInvitation?>(null);
            if (current.Status is InvitationStatus.Scheduled or InvitationStatus.Sent)
            {
                current = _byId[invitationId] = current with { Status = InvitationStatus.Bounced, FailureReason = "bounced", DueAt = null };
                _claims.Remove(invitationId);
            }

            return ValueTask.FromResult<SurveyInvitation?>(current);
        }
    }

    /// <inheritdoc/>
    public ValueTask<SurveyInvitation?> OptOutAsync(string invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationId);
        SurveyInvitation? found;
        lock (_gate) found = _byId.GetValueOrDefault(invitationId);
        if (found is null) return ValueTask.FromResult<SurveyInvitation?>(null);
        var after = _ledger.Locked(found.CustomerId, (_, append) =>
        {
            lock (_gate)
            {
                var current = _byId[invitationId];
                if (current.Status == InvitationStatus.OptedOut) return current;
                append(new LedgerEntry(ContactRecord.Create(ContactKind.OptOut, at)));
                if (current.Status == InvitationStatus.Answered) return current;
                _claims.Remove(invitationId);
                return _byId[invitationId] = current with { Status = InvitationStatus.OptedOut, DueAt = null };
            }
        });
        return ValueTask.FromResult<SurveyInvitation?>(after);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SurveyInvitation> ReadSentAsync(DateTimeOffset? start = null, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<SurveyInvitation> snapshot;
        lock (_gate)
        {
            snapshot = _byId.Values.Where(i => i.SentAt is { } sent && (start is null || sent >= start) && (until is null || sent < until))
                .OrderBy(i => i.SentAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        }

        foreach (var invitation in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return invitation;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<int> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var expired = _byId.Values.Where(i => i.Status == InvitationStatus.Sent && i.ExpiresAt is { } at && at <= now).ToList();
            foreach (var invitation in expired)
            {
                _byId[invitation.Id] = invitation with { Status = InvitationStatus.Expired, DueAt = null };
                _claims.Remove(invitation.Id);
            }

            return ValueTask.FromResult(expired.Count);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ResponseRateCountRow> CountSentAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var counts = new NpsResponseRates.CountRows(query);
        lock (_gate)
        {
            foreach (var invitation in _byId.Values) counts.Add(invitation);
        }

        foreach (var row in counts.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static bool IsOpen(SurveyInvitation i, DateTimeOffset now) =>
        i.Status == InvitationStatus.Scheduled || (i.Status == InvitationStatus.Sent && i.ExpiresAt is { } expires && expires > now);
}
