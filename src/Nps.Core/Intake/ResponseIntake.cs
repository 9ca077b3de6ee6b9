using System.Globalization;
using Nps.Fatigue;
using Nps.FollowUp;

namespace Nps.Intake;

/// <summary>
/// Takes in survey responses in one call: validates the response, gives it its invitation's inclusion probability
/// when it states none, and stores it with its <see cref="ContactKind.Response"/> contact and, when the policy asks
/// for one, its follow-up — one transaction of the <see cref="IResponseStore"/>. Idempotent per response id: a
/// retry returns the first result and records nothing new.
/// </summary>
public sealed class ResponseIntake
{
    private readonly IResponseStore _responses;
    private readonly IContactLedger _ledger;
    private readonly TimeProvider _timeProvider;
    private readonly ResponseIntakeOptions _options;
    private readonly Delivery.IInvitationStore? _invitations;
    private readonly Privacy.CustomerErasure? _erasure;

    /// <summary>Creates the intake.</summary>
    /// <param name="responses">The response store (sharing storage with <paramref name="ledger"/> and the follow-ups).</param>
    /// <param name="ledger">The contact ledger, read for the invitation a response answers.</param>
    /// <param name="policy">Which responses need follow-ups and their SLAs; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="options">Plausibility limits; the defaults when <see langword="null"/>.</param>
    /// <param name="invitations">The outbox a response is bound to its invitation from (<see cref="InvitationBinding"/>); when
    /// <see langword="null"/>, responses are stored as sent.</param>
    /// <param name="erasure">Erased customers' tombstones: a response of an erased customer dated at or before the erasure is
    /// refused as invalid (field <c>respondentId</c>), so an import or a retry cannot bring it back; none checked when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ResponseIntake(IResponseStore responses, IContactLedger ledger, FollowUpPolicy? policy = null, TimeProvider? timeProvider = null,
        ResponseIntakeOptions? options = null, Delivery.IInvitationStore? invitations = null, Privacy.CustomerErasure? erasure = null)
    {
        _invitations = invitations;
        _erasure = erasure;
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(ledger);
        _options = options ?? new ResponseIntakeOptions();
        OptionsValidation.ThrowIfInvalid(_options, nameof(options));
        _responses = responses;
        _ledger = ledger;
        Policy = policy ?? new FollowUpPolicy();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The follow-up policy in force.</summary>
    public FollowUpPolicy Policy { get; }

    /// <summary>Validates and stores a response with its contact and follow-up, once per response id.</summary>
    /// <param name="response">The response (from a reader or a request).</param>
    /// <param name="cancellationToken">Cancels the store operations.</param>
    /// <returns>What happened; refusals are results, never exceptions.</returns>
    public ValueTask<ResponseIntakeResult> SubmitAsync(SurveyResponse response, CancellationToken cancellationToken = default) =>
        SubmitAsync(response, historical: false, cancellationToken);

    /// <summary>
    /// Validates and stores a response, once per response id, bound to its invitation when the intake has an outbox: a
    /// response that matches none is stored as unsolicited, and one from a historical import as historical.
    /// </summary>
    /// <param name="response">The response (from a reader or a request).</param>
    /// <param name="historical">Whether it comes from a bulk import or seed file that declared itself historical.</param>
    /// <param name="cancellationToken">Cancels the store operations.</param>
    /// <returns>What happened; refusals are results, never exceptions.</returns>
    public async ValueTask<ResponseIntakeResult> SubmitAsync(SurveyResponse response, bool historical, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = _timeProvider.GetUtcNow();
        var errors = Validate(response, now);
        if (errors.Count > 0) return new(ResponseIntakeOutcome.Invalid, null, errors);
        if (_erasure is not null && await _erasure.IsErasedAsync(response.RespondentId, response.RespondedAt, cancellationToken).ConfigureAwait(false))
        {
            return new(ResponseIntakeOutcome.Invalid, null, [new(0, "respondentId", Privacy.CustomerErasure.ErasedReason)]);
        }

        if (_invitations is not null)
        {
            var (bound, invitation) = await InvitationBinding.BindAsync(_invitations, response, historical, cancellationToken).ConfigureAwait(false);
            response = bound;

            // An invitation takes one answer; a retry of that answer (same id) still gets its stored result below.
            if (invitation?.Status == Delivery.InvitationStatus.Answered &&
                await _responses.FindAsync(response.ResponseId, cancellationToken).ConfigureAwait(false) is null)
            {
                return new(ResponseIntakeOutcome.AlreadyAnswered, null, []);
            }
        }
        else if (historical)
        {
            response = response with { Provenance = ResponseProvenance.Historical };
        }

        response = AsStored(response);
        now = ResponseFieldRules.ToStoredPrecision(now);
        response = await WithInvitationProbabilityAsync(response, cancellationToken).ConfigureAwait(false);
        var reason = Policy.ReasonFor(response);
        var followUp = reason is { } r && response.RespondentId.Length > 0 ? FollowUpService.Build(response, r, Policy, now) : null;
        var contact = response.RespondentId.Length > 0 ? ContactRecord.Create(ContactKind.Response, response.RespondedAt, response.Kind) : (ContactRecord?)null;
        var candidate = new StoredResponse { Response = response, ReceivedAt = now, FollowUpId = followUp?.Id };

        var (stored, added) = await _responses.AddAsync(candidate, contact, followUp, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            Diagnostics.NpsTelemetry.ResponseStored(Diagnostics.TelemetryNames.Of(stored.Response.Category), Diagnostics.TelemetryNames.Of(stored.Response.Provenance));
            if (followUp is not null) Diagnostics.NpsTelemetry.FollowUpOpened(Diagnostics.TelemetryNames.Of(followUp.Reason));
            return new(ResponseIntakeOutcome.Created, stored, []);
        }
        return new(SameAnswer(stored.Response, response) ? ResponseIntakeOutcome.AlreadyStored : ResponseIntakeOutcome.Conflict, stored, []);
    }

    /// <summary>
    /// The response as every store keeps it: its time at the stores' precision (so a retry compares equal to what was
    /// stored), its comment masked unless the options keep originals. Theme analysis reads stored comments; the
    /// placeholders hold no theme word, so a comment's themes are those of the original.
    /// </summary>
    private SurveyResponse AsStored(SurveyResponse response)
    {
        var at = ResponseFieldRules.ToStoredPrecision(response.RespondedAt);
        var comment = _options.KeepOriginalComments ? response.Comment : Privacy.CommentMasker.Mask(response.Comment);
        return at == response.RespondedAt && ReferenceEquals(comment, response.Comment) ? response : response with { RespondedAt = at, Comment = comment };
    }

    private List<DataError> Validate(SurveyResponse response, DateTimeOffset now)
    {
        var errors = new List<DataError>(ResponseFieldRules.Check(response, _options.MaxCommentBytes));
        var latest = now + _options.MaxFutureSkew;
        if (response.RespondedAt < _options.EarliestRespondedAt)
        {
            errors.Add(new(0, "respondedAt", $"{Iso(response.RespondedAt)} is before the earliest accepted time {Iso(_options.EarliestRespondedAt)}.", Iso(response.RespondedAt)));
        }
        else if (response.RespondedAt > latest)
        {
            errors.Add(new(0, "respondedAt", $"{Iso(response.RespondedAt)} is after {Iso(latest)} (the clock plus {Days(_options.MaxFutureSkew)}).", Iso(response.RespondedAt)));
        }

        if (response.InclusionProbability < _options.MinimumInclusionProbability)
        {
            var shown = response.InclusionProbability.ToString(CultureInfo.InvariantCulture);
            errors.Add(new(0, "inclusionProbability", string.Create(CultureInfo.InvariantCulture,
                $"{shown} is below the smallest accepted probability {_options.MinimumInclusionProbability}."), shown));
        }

        if (!Enum.IsDefined(response.Kind)) errors.Add(new(0, "kind", $"'{response.Kind}' is not a survey kind.", response.Kind.ToString()));
        if (errors.Count == 0 && Policy.ReasonFor(response) is { } reason && Policy.SlaFor(reason) > DateTimeOffset.MaxValue - response.RespondedAt)
        {
            errors.Add(new(0, "respondedAt", $"{Iso(response.RespondedAt)} plus the follow-up SLA is past the end of the calendar."));
        }

        return errors;
    }

    private async ValueTask<SurveyResponse> WithInvitationProbabilityAsync(SurveyResponse response, CancellationToken cancellationToken)
    {
        if (response.HasStatedInclusionProbability || response.RespondentId.Length == 0) return response;
        if ((response.EventId ?? response.InvitationId) is not { Length: > 0 } invitation) return response;
        var entries = await _ledger.GetEntriesAsync(response.RespondentId, cancellationToken).ConfigureAwait(false);
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].IsInvitationFor(invitation) && entries[i].InclusionProbability is { } p && p >= _options.MinimumInclusionProbability)
            {
                return response with { InclusionProbability = p, IsManual = response.IsManual || entries[i].Record.IsManual };
            }
        }

        return response;
    }

    /// <summary>Whether a retry carries the same answer as the stored one (attributes compared as sets).</summary>
    private static bool SameAnswer(SurveyResponse a, SurveyResponse b) =>
        a.ResponseId == b.ResponseId && a.RespondentId == b.RespondentId && a.InvitationId == b.InvitationId && a.EventId == b.EventId &&
        a.Kind == b.Kind && a.Rating == b.Rating && a.Comment == b.Comment && a.CallbackRequested == b.CallbackRequested &&
        a.RespondedAt == b.RespondedAt && a.RespondedAt.Offset == b.RespondedAt.Offset && a.Team == b.Team && a.Agent == b.Agent &&
        a.Channel == b.Channel && a.Product == b.Product && a.Touchpoint == b.Touchpoint &&
        a.InclusionProbability.Equals(b.InclusionProbability) && a.IsManual == b.IsManual && a.Provenance == b.Provenance &&
        a.Attributes.Count == b.Attributes.Count &&
        a.Attributes.All(kv => b.Attributes.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Days(TimeSpan span) => span.TotalDays == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays} days");
}
