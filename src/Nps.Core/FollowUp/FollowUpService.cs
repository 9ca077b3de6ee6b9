using Nps.Fatigue;

namespace Nps.FollowUp;

/// <summary>
/// The closed loop: turns responses into follow-ups under a <see cref="FollowUpPolicy"/>, moves them through
/// their statuses, finds the overdue ones and measures the loop. Time comes from the <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Given a contact ledger, marking a follow-up contacted also records a <see cref="ContactKind.FollowUp"/> there,
/// so the survey program's follow-up cooldown sees the call; the call itself must never be surveyed (see
/// <see cref="FollowUpContacts"/>).
/// </remarks>
public sealed class FollowUpService
{
    private readonly IFollowUpStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly IContactLedger? _ledger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where follow-ups are kept.</param>
    /// <param name="policy">Which responses need follow-ups and their SLAs; the defaults when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="ledger">The contact ledger to record follow-up contacts in, if any.</param>
    public FollowUpService(IFollowUpStore store, FollowUpPolicy? policy = null, TimeProvider? timeProvider = null, IContactLedger? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        Policy = policy ?? new FollowUpPolicy();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _ledger = ledger;
    }

    /// <summary>The policy in force.</summary>
    public FollowUpPolicy Policy { get; }

    /// <summary>
    /// Creates the follow-up a response needs, if any. Idempotent per response id: a second call returns the
    /// existing follow-up unchanged.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>What happened, with the follow-up.</returns>
    public async ValueTask<FollowUpCreationResult> CreateFromResponseAsync(SurveyResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Policy.ReasonFor(response) is not { } reason)
        {
            var why = response.Category switch
            {
                NpsCategory.Promoter => "promoter without a callback request: no follow-up needed",
                NpsCategory.Passive => "passive without a callback request, and the policy does not follow up passives",
                _ => "no follow-up needed",
            };
            return new(response.ResponseId, FollowUpCreationOutcome.NotNeeded, null, why);
        }

        if (string.IsNullOrWhiteSpace(response.RespondentId))
        {
            return new(response.ResponseId, FollowUpCreationOutcome.Anonymous, null,
                $"needs a follow-up ({reason}) but the response has no respondent id to contact");
        }

        var followUp = Build(response, reason, Policy, _timeProvider.GetUtcNow());
        var (stored, added) = await _store.AddIfAbsentAsync(followUp, cancellationToken).ConfigureAwait(false);
        if (added) Diagnostics.NpsTelemetry.FollowUpOpened(Diagnostics.TelemetryNames.Of(reason));
        return added
            ? new(response.ResponseId, FollowUpCreationOutcome.Created, stored, $"{reason}: due {Iso(stored.DueAt)}")
            : new(response.ResponseId, FollowUpCreationOutcome.AlreadyExists, stored, $"follow-up {stored.Id} already exists ({stored.Status})");
    }

    /// <summary>Creates follow-ups for many responses (see <see cref="CreateFromResponseAsync"/>).</summary>
    /// <param name="responses">The responses.</param>
    /// <param name="cancellationToken">Cancels the store operations.</param>
    /// <returns>One result per response, in order.</returns>
    public async ValueTask<IReadOnlyList<FollowUpCreationResult>> CreateFromResponsesAsync(IEnumerable<SurveyResponse> responses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var results = new List<FollowUpCreationResult>();
        foreach (var response in responses) results.Add(await CreateFromResponseAsync(response, cancellationToken).ConfigureAwait(false));
        return results;
    }

    /// <summary>Finds a follow-up by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>The follow-up, or null.</returns>
    public ValueTask<FollowUpCase?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _store.FindAsync(id, cancellationToken);
    }

    /// <summary>Lists follow-ups, optionally by status, ordered by due time, then id.</summary>
    /// <param name="status">Only this status; all when null.</param>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>The follow-ups.</returns>
    public ValueTask<IReadOnlyList<FollowUpCase>> ListAsync(FollowUpStatus? status = null, CancellationToken cancellationToken = default) =>
        _store.ListAsync(status, cancellationToken);

    /// <summary>One page of follow-ups (optionally of one status and owner team), ordered by due time, then id hash.</summary>
    /// <param name="query">The filters, the position after which the page starts and its size.</param>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>The page.</returns>
    public ValueTask<IReadOnlyList<FollowUpCase>> ListPageAsync(FollowUpPageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _store.ListPageAsync(query, cancellationToken);
    }

    /// <summary>
    /// The follow-ups still open after their due time, as of now, most overdue first (by due time, then
    /// <see cref="FollowUpListPosition"/>): counted in the store first, then read page by page in list order, so no
    /// follow-up is read that is not returned.
    /// </summary>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>The overdue follow-ups.</returns>
    public async ValueTask<IReadOnlyList<FollowUpCase>> ListOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var counts = await _store.CountAsync(new FollowUpCountQuery { AsOf = now, Status = FollowUpStatus.Open }, cancellationToken).ConfigureAwait(false);
        var remaining = counts.Sum(c => c.Due);
        var overdue = new List<FollowUpCase>();
        FollowUpListPosition? after = null;
        // The list order is due time first, so the overdue ones lead the open ones; a page never asks for more than
        // are still counted, and a follow-up contacted or closed since the count ends the walk early.
        while (remaining > 0)
        {
            var limit = (int)Math.Min(remaining, FollowUpPageQuery.MaximumLimit);
            var page = await _store.ListPageAsync(new FollowUpPageQuery { Status = FollowUpStatus.Open, After = after, Limit = limit }, cancellationToken)
                .ConfigureAwait(false);
            var kept = page.TakeWhile(f => f.IsOverdue(now)).ToList();
            overdue.AddRange(kept);
            if (kept.Count < limit) break;
            remaining -= kept.Count;
            after = FollowUpListPosition.Of(kept[^1]);
        }

        Diagnostics.NpsTelemetry.OverdueCounted(overdue.Count);
        return overdue;
    }

    /// <summary>Records the first contact with the customer (Open → Contacted), now.</summary>
    /// <param name="id">The follow-up id.</param>
    /// <param name="note">A note on the contact.</param>
    /// <param name="cancellationToken">Cancels the store and ledger operations.</param>
    /// <returns>The result; refused with the reason when not allowed.</returns>
    public ValueTask<FollowUpTransitionResult> MarkContactedAsync(string id, string? note = null, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, FollowUpStatus.Contacted, note, cancellationToken);

    /// <summary>Closes a follow-up with its outcome (Contacted → Closed, or Open → Closed without contact), now.</summary>
    /// <param name="id">The follow-up id.</param>
    /// <param name="outcome">The outcome note.</param>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>The result; refused with the reason when not allowed.</returns>
    public ValueTask<FollowUpTransitionResult> CloseAsync(string id, string? outcome = null, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, FollowUpStatus.Closed, outcome, cancellationToken);

    /// <summary>Moves a follow-up to another status, now. Allowed: Open → Contacted → Closed, Open → Closed.</summary>
    /// <param name="id">The follow-up id.</param>
    /// <param name="to">The new status.</param>
    /// <param name="note">The contact note or the outcome.</param>
    /// <param name="cancellationToken">Cancels the store and ledger operations.</param>
    /// <returns>The result; refused with the reason (unknown id, invalid transition) — never thrown, as the request comes from outside.</returns>
    public async ValueTask<FollowUpTransitionResult> TransitionAsync(string id, FollowUpStatus to, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        while (true)
        {
            var current = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is null) return new(false, null, new DataError(0, "id", $"No follow-up has id '{id}'.", id));

            var now = _timeProvider.GetUtcNow();
            if (!current.TryTransition(to, now, note, out var next, out var error)) return new(false, current, error);

            // Optimistic: if someone else changed it meanwhile, read again and re-judge the transition.
            if (!await _store.TryReplaceAsync(current, next, cancellationToken).ConfigureAwait(false)) continue;
            if (to == FollowUpStatus.Closed) Diagnostics.NpsTelemetry.FollowUpClosed();

            if (to == FollowUpStatus.Contacted && _ledger is not null)
            {
                await _ledger.RecordAsync(next.CustomerId, FollowUpContacts.ToLedgerRecord(now), cancellationToken).ConfigureAwait(false);
            }

            return new(true, next, null);
        }
    }

    /// <summary>The loop's metrics over every stored follow-up, as of now, counted in the store (<see cref="IFollowUpStore.CountAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the store operation.</param>
    /// <returns>The metrics.</returns>
    public async ValueTask<FollowUpMetrics> GetMetricsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await _store.CountAsync(new FollowUpCountQuery { AsOf = _timeProvider.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        var metrics = FollowUpMetrics.From(counts);
        Diagnostics.NpsTelemetry.OverdueCounted(metrics.Overdue);
        return metrics;
    }

    /// <summary>The follow-up of a response that needs one for <paramref name="reason"/> (the response has a respondent).</summary>
    internal static FollowUpCase Build(SurveyResponse response, FollowUpReason reason, FollowUpPolicy policy, DateTimeOffset now) => new()
    {
        Id = FollowUpCase.IdFor(response.ResponseId),
        ResponseId = response.ResponseId,
        CustomerId = response.RespondentId,
        Reason = reason,
        Rating = response.Rating,
        Comment = response.Comment,
        RespondedAt = response.RespondedAt,
        CreatedAt = now,
        DueAt = response.RespondedAt + policy.SlaFor(reason),
        OwnerTeam = response.Team,
        OwnerAgent = response.Agent,
    };

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
