using System.Globalization;
using Nps.Fatigue;
using Nps.Touchpoints;

namespace Nps.Sampling;

/// <summary>
/// The one entry point that decides who is asked, and when. For each event: eligibility first (exclusions and
/// fatigue rules, the history-based ones atomically with recording the invitation in the contact ledger), then
/// sampling among the eligible (a keyed draw against the matching policy's rate), then timing (quiet hours,
/// allowed days). Every decision is data that records the checks and the draw.
/// </summary>
/// <remarks>
/// Lives in <c>Nps.Sampling</c> because deciding <em>who is sampled</em> is the program's job; the fatigue rules
/// (<c>Nps.Fatigue</c>) are its eligibility stage. Options are validated when the program is constructed, so a
/// bad configuration fails at start-up, not at the first event.
/// </remarks>
public sealed class SurveyProgram
{
    /// <summary>The policy name recorded on manual invitations.</summary>
    public const string ManualPolicy = "manual";

    /// <summary>Rule name: the event is invalid (a blank id, an unknown time zone).</summary>
    public const string InvalidEventRule = "invalid-event";

    /// <summary>Rule name: no sampling policy covers the event.</summary>
    public const string NoPolicyRule = "no-sampling-policy";

    /// <summary>Rule name: the keyed draw did not select the event.</summary>
    public const string NotSampledRule = "not-sampled";

    /// <summary>Rule name: the policy's quota for the period is used up.</summary>
    public const string QuotaReachedRule = "quota-reached";

    /// <summary>Rule name: the customer already had their relational survey in this cycle.</summary>
    public const string RelationalCadenceRule = "relational-cadence";

    /// <summary>
    /// Rule name: the customer was erased on request after the event happened (a retried or late event of an erased
    /// customer); nothing is recorded. An event that happens after the erasure is decided as usual.
    /// </summary>
    public const string CustomerErasedRule = "customer-erased";

    private readonly IDecisionStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly FatigueRules _fatigue;
    private readonly CompiledPolicy[] _policies;
    private readonly TimeZoneInfo _defaultZone;
    private readonly TimeSpan _cycle;
    private readonly TimeSpan _minimumGap;
    private readonly DateTimeOffset _epoch;
    private readonly Privacy.CustomerErasure? _erasure;

    /// <summary>
    /// Creates a program that decides each event once, as one transaction of <paramref name="store"/>: a retry of a
    /// customer's event — concurrent or later, from any instance on the same store — returns the first decision and
    /// records nothing; quotas and each customer's first sighting are kept in the store, so they hold across restarts
    /// and instances. Validates the options first.
    /// </summary>
    /// <param name="options">The program's options (copied: later changes do not affect the program).</param>
    /// <param name="store">The decision store (with its contact ledger) shared by every instance that decides surveys.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when <see langword="null"/>).</param>
    /// <param name="eraser">The stores' eraser, whose tombstones refuse the events of erased customers that happened
    /// before their erasure (<see cref="CustomerErasedRule"/>); <see langword="null"/>: no check.</param>
    /// <exception cref="NpsOptionsException">The options are invalid, or the rules look back further
    /// than the store's ledger keeps history; every error is listed.</exception>
    public SurveyProgram(SurveyProgramOptions options, IDecisionStore store, TimeProvider? timeProvider = null, Privacy.ICustomerEraser? eraser = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        var retention = store.Ledger.Retention;
        if (LongestLookBack(options) is var days && TimeSpan.FromDays(days) > retention)
        {
            throw new NpsOptionsException(
                [new DataError(0, nameof(SurveyProgramOptions.Fatigue), $"The rules look back {days} days, longer than the contact ledger keeps history ({retention.TotalDays.ToString(CultureInfo.InvariantCulture)} days).")],
                nameof(options));
        }

        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var samplingKey = Convert.FromBase64String(options.SamplingKey);
        Sampler = new KeyedSampler(samplingKey);
        Tokens = Delivery.SurveyTokens.DeriveFrom(samplingKey);
        Tombstones = Privacy.CustomerTombstones.DeriveFrom(samplingKey);
        _erasure = eraser is null ? null : new Privacy.CustomerErasure(eraser, Tombstones, _timeProvider);
        _fatigue = new FatigueRules(options.Fatigue);
        _epoch = options.Sampling.Epoch;
        _policies = options.Sampling.Policies.Select(p => new CompiledPolicy(p)).ToArray();
        TimeZoneLookup.TryFind(options.DefaultTimeZone, out var zone);
        _defaultZone = zone!;
        _cycle = TimeSpan.FromDays(options.Sampling.RelationalCadence.CycleDays);
        _minimumGap = options.Sampling.RelationalCadence.MinimumGapDays is { } gap ? TimeSpan.FromDays(gap) : _cycle / 2;
    }

    /// <summary>
    /// Creates a program over a contact ledger alone: the rules and the invitation are still one step of the ledger,
    /// but decisions are not remembered (a retry decides again), and quotas and first sightings (from which a
    /// relational first slot counts) are kept in this process only, so a restart sees every customer anew. Prefer
    /// the constructor that takes an <see cref="IDecisionStore"/>. Validates the options first.
    /// </summary>
    /// <param name="options">The program's options (copied: later changes do not affect the program).</param>
    /// <param name="ledger">The contact ledger shared by every instance that decides surveys.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when <see langword="null"/>).</param>
    /// <param name="eraser">The stores' eraser, whose tombstones refuse the events of erased customers that happened
    /// before their erasure (<see cref="CustomerErasedRule"/>); <see langword="null"/>: no check.</param>
    /// <exception cref="NpsOptionsException">The options are invalid; every error is listed.</exception>
    public SurveyProgram(SurveyProgramOptions options, IContactLedger ledger, TimeProvider? timeProvider = null, Privacy.ICustomerEraser? eraser = null)
        : this(options, new LedgerOnlyDecisionStore(ledger ?? throw new ArgumentNullException(nameof(ledger))), timeProvider, eraser)
    {
    }

    /// <summary>The keyed sampler (for fixed-size samples from a customer list and for audits).</summary>
    public KeyedSampler Sampler { get; }

    /// <summary>
    /// The program's survey tokens, keyed by a key derived from the sampling key: the store receives each invitation
    /// with its token's hash, and the outbox makes the token again when it sends (<see cref="Delivery.SurveyTokens"/>).
    /// </summary>
    public Delivery.SurveyTokens Tokens { get; }

    /// <summary>The keyed hash erased customers' tombstones are stored under, derived from the sampling key (<see cref="Privacy.CustomerErasure"/>).</summary>
    public Privacy.CustomerTombstones Tombstones { get; }

    /// <summary>Decides whether and when to survey the customer about an event.</summary>
    /// <param name="touchpoint">The event.</param>
    /// <param name="cancellationToken">Cancels the ledger operation.</param>
    /// <returns>Invite, suppress or defer, with the checks and the draw.</returns>
    public ValueTask<SurveyDecision> DecideAsync(TouchpointEvent touchpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return RecordedAsync(DecideCoreAsync(touchpoint, null, cancellationToken));
    }

    /// <summary>
    /// Invites the customer by hand, bypassing sampling but not the fatigue rules (a customer is not over-asked
    /// because someone chose them). The invitation is marked manual: report it apart and keep it out of the
    /// unbiased score.
    /// </summary>
    /// <param name="touchpoint">The event.</param>
    /// <param name="requestedBy">Who asked for the invitation (recorded for the audit).</param>
    /// <param name="cancellationToken">Cancels the ledger operation.</param>
    /// <returns>Invite (manual), suppress or defer.</returns>
    public ValueTask<SurveyDecision> InviteManuallyAsync(TouchpointEvent touchpoint, string requestedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        return RecordedAsync(DecideCoreAsync(touchpoint, requestedBy, cancellationToken));
    }

    /// <summary>
    /// The start of the customer's relational slot in the cycle that contains <paramref name="at"/>, on the customer's
    /// grid of slots (<see cref="SamplingOptions.Epoch"/> plus their keyed offset, plus whole cycles); before the grid's
    /// first slot, that slot, which is later than <paramref name="at"/>. A customer is first due at
    /// <see cref="FirstRelationalSlot"/>, not before.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="at">A moment.</param>
    /// <returns>The slot start: once past their first slot, the customer is due for a relational survey from then until the next slot.</returns>
    public DateTimeOffset RelationalSlot(string customerId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return SlotStart(customerId, at, out _);
    }

    /// <summary>
    /// The customer's first relational slot: the first slot of their grid (see <see cref="RelationalSlot"/>) at or
    /// after the program first saw them (<see cref="IDecisionStore.FindFirstSeenAsync"/>), so it falls within one
    /// cycle after that sighting, at a point fixed by the keyed hash.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="firstSeenAt">When the program first saw the customer in a relational event.</param>
    /// <returns>The first slot, in [<paramref name="firstSeenAt"/>, <paramref name="firstSeenAt"/> + cycle), and
    /// never before the epoch plus the customer's offset.</returns>
    public DateTimeOffset FirstRelationalSlot(string customerId, DateTimeOffset firstSeenAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var anchor = _epoch + Sampler.CycleOffset(customerId, _cycle);
        var behind = (firstSeenAt - anchor).Ticks;
        var cycles = behind <= 0 ? 0 : ((behind - 1) / _cycle.Ticks) + 1;
        return anchor + TimeSpan.FromTicks(cycles * _cycle.Ticks);
    }

    /// <summary>Counts the decision in <see cref="Diagnostics.NpsTelemetry.Decisions"/> by outcome and deciding rule (never the customer).</summary>
    private static async ValueTask<SurveyDecision> RecordedAsync(ValueTask<SurveyDecision> deciding)
    {
        var decision = await deciding.ConfigureAwait(false);
        var (outcome, reason) = decision switch
        {
            InviteDecision invite => ("invite", invite.Policy),
            SuppressDecision suppress => ("suppress", suppress.Rule),
            DeferDecision defer => ("defer", defer.Rule),
            _ => (decision.Outcome.ToString().ToLowerInvariant(), ""),
        };
        Diagnostics.NpsTelemetry.Decided(outcome, reason);
        return decision;
    }

    private async ValueTask<SurveyDecision> DecideCoreAsync(TouchpointEvent e, string? requestedBy, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (Invalid(e) is { } problem)
        {
            return new SuppressDecision
            {
                CustomerId = e.CustomerId ?? "", EventId = e.EventId ?? "", Kind = e.Kind, DecidedAt = now,
                Rule = InvalidEventRule, Reason = problem,
            };
        }

        var zone = _defaultZone;
        if (e.TimeZoneId is { } zoneId && !TimeZoneLookup.TryFind(zoneId, out zone))
        {
            return new SuppressDecision
            {
                CustomerId = e.CustomerId, EventId = e.EventId, Kind = e.Kind, DecidedAt = now,
                Rule = InvalidEventRule, Reason = $"timeZoneId '{zoneId}' is not a known time zone",
            };
        }

        // A retry or a late copy of an erased customer's event must not bring the customer back: no decision, contact
        // or invitation is stored. Like a response's, the check runs before the store's transaction.
        if (_erasure is not null && await _erasure.IsErasedAsync(e.CustomerId, e.OccurredAt, cancellationToken).ConfigureAwait(false))
        {
            return new SuppressDecision
            {
                CustomerId = e.CustomerId, EventId = e.EventId, Kind = e.Kind, DecidedAt = now,
                Rule = CustomerErasedRule, Reason = "the customer was erased on request after this event; it is not decided again",
            };
        }

        var eventChecks = new List<EligibilityCheck>(8);
        _fatigue.CheckEvent(e, now, eventChecks);

        // Sampling is stateless and keyed: computed for every event so that the decision can record it, but it only
        // counts among the eligible. A relational draw is keyed on the cycle, not the event, so that asking daily
        // whether a customer is due does not re-draw (which would raise the inclusion probability towards 1).
        var manual = requestedBy is not null;
        CompiledPolicy? policy = null;
        SamplingDraw? draw = null;
        DateTimeOffset slotStart = default;
        long cycle = 0;
        if (e.Kind == SurveyKind.Relational) slotStart = SlotStart(e.CustomerId, now, out cycle);
        if (!manual)
        {
            policy = Array.Find(_policies, p => p.Options.Scope.Matches(e));
            if (policy is not null)
            {
                var input = e.Kind == SurveyKind.Relational ? KeyedSampler.CycleInput(cycle) : e.EventId;
                var value = Sampler.Uniform(e.CustomerId, input);
                draw = new SamplingDraw(policy.Options.Name, policy.Options.Rate, value, value < policy.Options.Rate, input, Sampler.KeyId);
            }
        }

        var selected = manual || draw is { Selected: true };
        var quota = selected && policy?.Options.Quota is { } q ? new QuotaKey(policy.Options.Name, PeriodStart(now, q.PeriodDays), q.MaxInvitations) : null;
        var eventFailed = eventChecks.Exists(c => !c.Passed);

        // The send time matters only for an invitation, and the ledger records the invitation at that time.
        var timing = selected && _fatigue.QuietHours is { } quiet && quiet.Scope.Matches(e) ? quiet.NextAllowed(now, zone) : (now, null, null);
        var relational = e.Kind == SurveyKind.Relational && !manual;
        var probability = manual ? 1.0 : policy?.Options.Rate ?? 1.0;

        // A relational event is a sighting: the store keeps the first one (to the second, which every store keeps
        // exactly), from which the customer's first slot counts.
        var seenAt = e.Kind == SurveyKind.Relational ? new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : (DateTimeOffset?)null;
        var request = new DecisionRequest { CustomerId = e.CustomerId, EventId = e.EventId, Quota = quota, SeenAt = seenAt };

        // The outbox's invitation, with its token's hash (computed here, outside the transaction: it depends on the event only).
        var delivery = selected ? Delivery.SurveyInvitation.Create(e, timing.SendAt, probability, manual,
            Tokens.HashFor(Delivery.SurveyInvitation.IdFor(e.CustomerId, e.EventId))) : null;

        // One transaction: an earlier decision for the event wins; otherwise rules, invitation, quota, first sighting
        // and decision are recorded together.
        var recorded = await _store.DecideOnceAsync(request, state =>
        {
            // An event that fails an event rule is decided without looking at the history.
            if (eventFailed) return new DecisionCommit(Build(e, now, eventChecks, eligible: false, invited: false, draw, policy, requestedBy, (now, null, null)));

            var checks = new List<EligibilityCheck>(eventChecks.Count + 8);
            checks.AddRange(eventChecks);
            _fatigue.CheckHistory(e, state.History, now, checks);
            if (relational) checks.Add(CheckCadence(e.CustomerId, state, slotStart, now));

            var eligible = !checks.Exists(c => !c.Passed);
            var invite = eligible && selected && (quota is null || state.QuotaAvailable);
            var decision = Build(e, now, checks, eligible, invite, draw, policy, requestedBy, timing);
            if (!invite) return new DecisionCommit(decision);
            var invitation = new LedgerEntry(ContactRecord.Create(ContactKind.Invitation, timing.SendAt, e.Kind, manual), e.EventId, probability);
            return new DecisionCommit(decision, invitation, CountsQuota: quota is not null, Delivery: delivery);
        }, cancellationToken).ConfigureAwait(false);
        return recorded.Decision;
    }

    /// <summary>
    /// When the customer is eligible for a transactional survey again under the history rules (cooldowns, caps,
    /// budget, opt-out), as of <paramref name="at"/>.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="history">The customer's contact history.</param>
    /// <param name="at">The moment to judge at; now when <see langword="null"/>.</param>
    /// <returns><see langword="null"/> when eligible at that moment; <see cref="DateTimeOffset.MaxValue"/> when never
    /// (opted out); else the moment the longest block ends.</returns>
    public DateTimeOffset? EligibleAgainAt(string customerId, ContactHistory history, DateTimeOffset? at = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var now = at ?? _timeProvider.GetUtcNow();
        var checks = new List<EligibilityCheck>(8);
        _fatigue.CheckHistory(new TouchpointEvent { CustomerId = customerId, EventId = "eligibility", OccurredAt = now }, history, now, checks);
        DateTimeOffset? until = null;
        foreach (var check in checks)
        {
            if (check.Passed) continue;
            var end = check.EligibleAgainAt ?? DateTimeOffset.MaxValue;
            if (until is null || end > until) until = end;
        }

        return until;
    }

    private static SurveyDecision Build(TouchpointEvent e, DateTimeOffset now, List<EligibilityCheck> checks, bool eligible, bool invited,
        SamplingDraw? draw, CompiledPolicy? policy, string? requestedBy, (DateTimeOffset SendAt, string? Rule, string? Reason) timing)
    {
        var manual = requestedBy is not null;
        if (!eligible)
        {
            // The deciding rule is the one that blocks longest (an indefinite block wins), so "eligible again" is honest.
            var failed = checks.Where(c => !c.Passed).ToList();
            var blocking = failed.Exists(c => c.EligibleAgainAt is null)
                ? failed.Find(c => c.EligibleAgainAt is null)
                : failed.MaxBy(c => c.EligibleAgainAt!.Value);
            return new SuppressDecision
            {
                CustomerId = e.CustomerId, EventId = e.EventId, Kind = e.Kind, DecidedAt = now, Checks = checks, Draw = draw,
                Rule = blocking.Rule, Reason = blocking.Detail, EligibleAgainAt = blocking.EligibleAgainAt,
            };
        }

        if (!invited)
        {
            var (rule, reason) = policy is null ? (NoPolicyRule, "no sampling policy covers this event")
                : draw is { Selected: false } d ? (NotSampledRule, $"policy {d.Policy} selects at rate {Format(d.Rate)}; draw {Format(d.Value)}")
                : (QuotaReachedRule, $"policy {policy.Options.Name} reached its quota of {policy.Options.Quota!.MaxInvitations} per {policy.Options.Quota.PeriodDays} days");
            return new SuppressDecision
            {
                CustomerId = e.CustomerId, EventId = e.EventId, Kind = e.Kind, DecidedAt = now, Checks = checks, Draw = draw,
                Rule = rule, Reason = reason,
            };
        }

        var policyName = manual ? ManualPolicy : policy!.Options.Name;
        var probability = manual ? 1.0 : policy!.Options.Rate;
        if (timing.Rule is not null)
        {
            return new DeferDecision
            {
                CustomerId = e.CustomerId, EventId = e.EventId, Kind = e.Kind, DecidedAt = now, Checks = checks, Draw = draw,
                SendAt = timing.SendAt, Rule = timing.Rule, Reason = timing.Reason!, InclusionProbability = probability,
                Policy = policyName, IsManual = manual, RequestedBy = requestedBy,
            };
        }

        return new InviteDecision
        {
            CustomerId = e.CustomerId, EventId = e.EventId, Kind = e.Kind, DecidedAt = now, Checks = checks, Draw = draw,
            SendAt = timing.SendAt, InclusionProbability = probability, Policy = policyName, IsManual = manual, RequestedBy = requestedBy,
        };
    }

    /// <summary>
    /// Due when the customer's first slot (counted from their first sighting) has come, no relational invitation was
    /// sent since the current slot began, and the last one is at least the minimum gap ago.
    /// </summary>
    private EligibilityCheck CheckCadence(string customerId, DecisionState state, DateTimeOffset slotStart, DateTimeOffset now)
    {
        var firstSeen = state.FirstSeenAt
            ?? throw new InvalidOperationException("The decision store passed no first sighting (DecisionState.FirstSeenAt) for a relational decision whose request has SeenAt.");
        var firstSlot = FirstRelationalSlot(customerId, firstSeen);
        if (firstSlot > now)
        {
            return new(RelationalCadenceRule, false,
                $"not yet due: first seen {FatigueRules.Iso(firstSeen)}, the first relational slot begins {FatigueRules.Iso(firstSlot)}", firstSlot);
        }

        DateTimeOffset? last = null;
        foreach (var record in state.History.Records)
        {
            if (record.Kind == ContactKind.Invitation && record.Survey == SurveyKind.Relational && (last is null || record.At > last)) last = record.At;
        }

        if (last is { } sent && sent >= slotStart)
        {
            var again = Max(slotStart + _cycle, sent + _minimumGap);
            return new(RelationalCadenceRule, false, $"relational survey already sent {FatigueRules.Iso(sent)} in the cycle from {FatigueRules.Iso(slotStart)}", again);
        }

        if (last is { } previous && previous + _minimumGap > now)
        {
            return new(RelationalCadenceRule, false,
                $"relational survey sent {FatigueRules.Iso(previous)}, less than the minimum gap of {Format(_minimumGap.TotalDays)} days ago", previous + _minimumGap);
        }

        return new(RelationalCadenceRule, true, $"due: no relational survey since the cycle began {FatigueRules.Iso(slotStart)}");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // The grid slot that contains the moment, or the grid's first slot (epoch + offset) when the moment is before it.
    private DateTimeOffset SlotStart(string customerId, DateTimeOffset at, out long cycle)
    {
        var anchor = _epoch + Sampler.CycleOffset(customerId, _cycle);
        var since = (at - anchor).Ticks;
        cycle = since <= 0 ? 0 : since / _cycle.Ticks;
        return anchor + TimeSpan.FromTicks(cycle * _cycle.Ticks);
    }

    /// <summary>
    /// The longest span a program's rules look back on: relational cycle, contact budget, cooldowns, frequency caps and
    /// the new-customer delay: what retention must keep of the contact history (<see cref="Privacy.RetentionPolicy.LookBack"/>).
    /// </summary>
    /// <param name="options">The program's options.</param>
    /// <returns>The span (zero when no rule looks back).</returns>
    public static TimeSpan LookBackOf(SurveyProgramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = Math.Max(LongestLookBack(options), options.Fatigue?.NewCustomerDelay?.Days ?? 0);
        return TimeSpan.FromDays(days);
    }

    internal static int LongestLookBack(SurveyProgramOptions options) => new[]
    {
        options.Sampling.RelationalCadence.CycleDays,
        options.Fatigue.ContactBudget?.WindowDays ?? 0,
        options.Fatigue.Cooldowns.Select(c => c.Days).DefaultIfEmpty(0).Max(),
        options.Fatigue.FrequencyCaps.Select(c => c.WindowDays).DefaultIfEmpty(0).Max(),
    }.Max();

    private static string? Invalid(TouchpointEvent e)
    {
        if (string.IsNullOrWhiteSpace(e.CustomerId)) return "customerId is empty";
        if (string.IsNullOrWhiteSpace(e.EventId)) return "eventId is empty";
        if (!Enum.IsDefined(e.Kind)) return $"kind '{e.Kind}' is not a survey kind";
        return null;
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private DateTimeOffset PeriodStart(DateTimeOffset now, int periodDays)
    {
        var periodTicks = TimeSpan.FromDays(periodDays).Ticks;
        var ticks = (now - _epoch).Ticks;
        var period = ticks >= 0 ? ticks / periodTicks : ((ticks + 1) / periodTicks) - 1;
        return _epoch + TimeSpan.FromTicks(period * periodTicks);
    }

    private sealed class CompiledPolicy(SamplingPolicyOptions options)
    {
        // The records are immutable; only the scope's attributes may still be a dictionary the caller holds.
        public SamplingPolicyOptions Options { get; } = options with { Scope = options.Scope.Snapshot() };
    }
}
