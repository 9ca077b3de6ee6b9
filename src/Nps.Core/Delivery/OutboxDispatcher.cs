using Nps.Fatigue;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Delivery;

/// <summary>
/// One pass of the outbox at a time (a hosted service calls <see cref="RunOnceAsync"/> every poll interval, on any number
/// of instances): claims due invitations and reminders, resolves each recipient through the embedder's
/// <see cref="IRecipientDirectory"/>, renders the message and hands it to the <see cref="IInvitationSender"/>, then marks
/// it. A transient failure puts the invitation back with exponential back-off; a permanent one, or
/// <see cref="DeliveryOptions.MaxAttempts"/> transient ones, marks it failed with the reason. A reminder goes only while
/// the invitation is unanswered, unexpired and the customer has not opted out, and outside quiet hours in the
/// customer's time zone (otherwise it waits for the next allowed time).
/// </summary>
public sealed class OutboxDispatcher
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);
    private readonly IInvitationStore _store;
    private readonly IContactLedger _ledger;
    private readonly IRecipientDirectory _directory;
    private readonly IInvitationSender _sender;
    private readonly InvitationMessageRenderer _renderer;
    private readonly SurveyTokens _tokens;
    private readonly DeliveryOptions _options;
    private readonly QuietHoursRule? _quietHours;
    private readonly TimeZoneInfo _defaultZone;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="store">The outbox.</param>
    /// <param name="ledger">The contact ledger of the same storage (read for opt-outs before a reminder).</param>
    /// <param name="directory">The embedder's recipient directory.</param>
    /// <param name="sender">The mail sender.</param>
    /// <param name="renderer">The message renderer.</param>
    /// <param name="tokens">The program's survey tokens (<see cref="SurveyProgram.Tokens"/>).</param>
    /// <param name="options">Delivery options; the defaults when <see langword="null"/>.</param>
    /// <param name="quietHours">The program's quiet hours (<see cref="FatigueOptions.QuietHours"/>), kept by reminders; none when <see langword="null"/>.</param>
    /// <param name="defaultTimeZone">The zone for invitations whose event named none (IANA id); UTC when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid or the zone is unknown.</exception>
    public OutboxDispatcher(IInvitationStore store, IContactLedger ledger, IRecipientDirectory directory, IInvitationSender sender,
        InvitationMessageRenderer renderer, SurveyTokens tokens, DeliveryOptions? options = null, QuietHoursOptions? quietHours = null,
        string? defaultTimeZone = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(tokens);
        _options = options ?? new DeliveryOptions();
        OptionsValidation.ThrowIfInvalid(_options, nameof(options));
        TimeZoneInfo? zone = TimeZoneInfo.Utc;
        if (defaultTimeZone is not null && !TimeZoneLookup.TryFind(defaultTimeZone, out zone))
        {
            throw new ArgumentException($"'{defaultTimeZone}' is not a known time zone.", nameof(defaultTimeZone));
        }

        _defaultZone = zone!;
        _store = store;
        _ledger = ledger;
        _directory = directory;
        _sender = sender;
        _renderer = renderer;
        _tokens = tokens;
        _quietHours = quietHours is null ? null : new QuietHoursRule(quietHours);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Marks the invitations whose link expired unanswered, then claims what is due now and sends it.</summary>
    /// <param name="cancellationToken">Cancels the pass (claimed work not yet marked is claimed again after its lease).</param>
    /// <returns>What the pass did.</returns>
    public async ValueTask<OutboxPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var expired = await _store.ExpireAsync(now, cancellationToken).ConfigureAwait(false);
        var claims = await _store.ClaimDueAsync(now, _options.BatchSize, _options.ClaimLease, cancellationToken).ConfigureAwait(false);
        int sent = 0, deferred = 0, failed = 0;
        foreach (var claim in claims)
        {
            switch (await SendAsync(claim, cancellationToken).ConfigureAwait(false))
            {
                case InvitationSendOutcome.Sent: sent++; break;
                case InvitationSendOutcome.Transient: deferred++; break;
                default: failed++; break;
            }
        }

        return new OutboxPassResult(claims.Count, sent, deferred, failed) { Expired = expired };
    }

    private async ValueTask<InvitationSendOutcome> SendAsync(InvitationClaim claim, CancellationToken cancellationToken)
    {
        var invitation = claim.Invitation;
        var now = _timeProvider.GetUtcNow();
        if (claim.Attempt == OutboxAttempt.Reminder)
        {
            if ((await _ledger.GetHistoryAsync(invitation.CustomerId, cancellationToken).ConfigureAwait(false)).IsOptedOut)
            {
                return await FailAsync(invitation, "the customer opted out; no reminder", cancellationToken).ConfigureAwait(false);
            }

            if (QuietUntil(invitation, now) is { } allowed)
            {
                await _store.RetryAsync(invitation.Id, allowed, failed: false, cancellationToken).ConfigureAwait(false);
                return InvitationSendOutcome.Transient;
            }
        }

        var token = _tokens.Create(invitation.Id);
        if (!SurveyTokens.Matches(invitation, SurveyTokens.Hash(token)))
        {
            return await FailAsync(invitation, "the survey token key differs from the one the invitation was decided with", cancellationToken).ConfigureAwait(false);
        }

        if (await _directory.FindAsync(invitation.CustomerId, cancellationToken).ConfigureAwait(false) is not { } recipient || string.IsNullOrWhiteSpace(recipient.Address))
        {
            return await FailAsync(invitation, "the recipient directory has no address for the customer", cancellationToken).ConfigureAwait(false);
        }

        var message = _renderer.Render(claim, recipient, token);
        InvitationSendResult result;
        try
        {
            result = await _sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = InvitationSendResult.Transient(e.GetType().Name);
        }

        var at = _timeProvider.GetUtcNow();
        switch (result.Outcome)
        {
            case InvitationSendOutcome.Sent:
                var remindersAfter = claim.Attempt == OutboxAttempt.Invitation ? 0 : claim.Number;
                DateTimeOffset? next = remindersAfter < _options.Reminders ? at + _options.ReminderAfter : null;
                await _store.MarkSentAsync(claim, at, at + _options.TokenLifetime, next, cancellationToken).ConfigureAwait(false);
                Diagnostics.NpsTelemetry.InvitationSent();
                return InvitationSendOutcome.Sent;
            case InvitationSendOutcome.Transient when invitation.Attempts + 1 < _options.MaxAttempts:
                await _store.RetryAsync(invitation.Id, at + Backoff(invitation.Attempts + 1), failed: true, cancellationToken).ConfigureAwait(false);
                return InvitationSendOutcome.Transient;
            default:
                return await FailAsync(invitation, result.Reason ?? "the sender refused the message", cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<InvitationSendOutcome> FailAsync(SurveyInvitation invitation, string reason, CancellationToken cancellationToken)
    {
        await _store.MarkFailedAsync(invitation.Id, reason, cancellationToken).ConfigureAwait(false);
        Diagnostics.NpsTelemetry.InvitationFailed();
        return InvitationSendOutcome.Permanent;
    }

    /// <summary>The delay before attempt n + 1: the retry delay doubled n − 1 times, at most 6 hours.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var delay = _options.RetryDelay;
        for (var i = 1; i < attempts && delay < MaxRetryDelay; i++) delay += delay;
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private DateTimeOffset? QuietUntil(SurveyInvitation invitation, DateTimeOffset now)
    {
        if (_quietHours is null) return null;
        var touchpoint = new TouchpointEvent
        {
            CustomerId = invitation.CustomerId, EventId = invitation.EventId, OccurredAt = now, Kind = invitation.Kind, Team = invitation.Team,
            Agent = invitation.Agent, Channel = invitation.Channel, Product = invitation.Product, Touchpoint = invitation.Touchpoint,
            Attributes = invitation.Attributes, TimeZoneId = invitation.TimeZoneId,
        };
        if (!_quietHours.Scope.Matches(touchpoint)) return null;
        var zone = invitation.TimeZoneId is { } id && TimeZoneLookup.TryFind(id, out var found) ? found! : _defaultZone;
        var (sendAt, _, _) = _quietHours.NextAllowed(now, zone);
        return sendAt > now ? sendAt : null;
    }
}
