using Nps.Delivery;
using Nps.Intake;

namespace Nps.Intake;

/// <summary>
/// What the response page calls with a token from a URL: look it up (a GET, which records nothing), submit the one
/// answer it takes (bound to its invitation through the intake, so nothing the form sends can change customer,
/// dimensions, probability or manual flag), or opt out. Every call hashes the token and makes one indexed look-up
/// whether or not it exists, and compares hashes in constant time.
/// </summary>
public sealed class SurveyAnswers
{
    private readonly IInvitationStore _store;
    private readonly ResponseIntake _intake;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the token front of the intake.</summary>
    /// <param name="store">The outbox.</param>
    /// <param name="intake">The response intake (the follow-up policy applies as for any response).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public SurveyAnswers(IInvitationStore store, ResponseIntake intake, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(intake);
        _store = store;
        _intake = intake;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The response id an answer through an invitation's link gets: one per invitation, so a second submission is a retry, never a second answer.</summary>
    /// <param name="invitationId">The invitation id.</param>
    /// <returns>The response id.</returns>
    public static string ResponseIdFor(string invitationId) => "inv-" + invitationId;

    /// <summary>
    /// The prefix of the attributes that hold the answers to the follow-up questions (<c>q:ease</c>): attributes are
    /// kept, exported, erased and segmented by every store already, so the answers need no schema of their own.
    /// </summary>
    public const string AnswerAttributePrefix = "q:";

    /// <summary>What a token opens; records nothing.</summary>
    /// <param name="token">The token from the URL.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The state and the invitation.</returns>
    public async ValueTask<SurveyTokenResult> LookupAsync(string? token, CancellationToken cancellationToken = default)
    {
        // Hash first, always: the work is the same for any token of valid shape, found or not.
        var hash = SurveyTokens.Hash(token ?? "");
        if (!SurveyTokens.IsWellFormed(token)) return new(SurveyTokenState.Unknown, null);
        var invitation = await _store.FindByTokenHashAsync(hash, cancellationToken).ConfigureAwait(false);
        if (invitation is null || !SurveyTokens.Matches(invitation, hash)) return new(SurveyTokenState.Unknown, null);
        return new(StateOf(invitation, _timeProvider.GetUtcNow()), invitation);
    }

    /// <summary>Stores the token's one answer through the intake (with its follow-up when one is due).</summary>
    /// <param name="token">The token from the URL.</param>
    /// <param name="rating">The score.</param>
    /// <param name="comment">The comment, if any.</param>
    /// <param name="callbackRequested">Whether the customer asked to be called back.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="SurveyTokenState.Open"/> with the intake's result when taken in; otherwise the state that refused it, with nothing stored.</returns>
    public ValueTask<SurveyTokenResult> SubmitAsync(string? token, NpsRating rating, string? comment, bool callbackRequested,
        CancellationToken cancellationToken = default) =>
        SubmitAsync(token, rating, comment, callbackRequested, answers: null, cancellationToken);

    /// <summary>
    /// Stores the token's one answer through the intake (with its follow-up when one is due), with the answers to the
    /// program's follow-up questions as attributes <c>q:&lt;question id&gt;</c> (<see cref="AnswerAttributePrefix"/>)
    /// beside the invitation's own; an invitation attribute of the same name wins, so an answer never changes a dimension.
    /// </summary>
    /// <param name="token">The token from the URL.</param>
    /// <param name="rating">The score.</param>
    /// <param name="comment">The comment, if any.</param>
    /// <param name="callbackRequested">Whether the customer asked to be called back.</param>
    /// <param name="answers">The follow-up answers by question id (blank answers are left out), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="SurveyTokenState.Open"/> with the intake's result when taken in; otherwise the state that refused it, with nothing stored.</returns>
    public async ValueTask<SurveyTokenResult> SubmitAsync(string? token, NpsRating rating, string? comment, bool callbackRequested,
        IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken = default)
    {
        var found = await LookupAsync(token, cancellationToken).ConfigureAwait(false);
        if (found.State != SurveyTokenState.Open) return found;
        var invitation = found.Invitation!;
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (question, answer) in answers ?? new Dictionary<string, string>())
        {
            if (!string.IsNullOrWhiteSpace(answer)) given[AnswerAttributePrefix + question] = answer.Trim();
        }

        // Binding keeps the answers beside the invitation's attributes (an invitation attribute of the same name wins).
        var response = InvitationBinding.Bind(new SurveyResponse
        {
            ResponseId = ResponseIdFor(invitation.Id), Rating = rating, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment,
            CallbackRequested = callbackRequested, RespondedAt = _timeProvider.GetUtcNow(), Attributes = given,
        }, invitation);

        var result = await _intake.SubmitAsync(response, cancellationToken).ConfigureAwait(false);
        return new(result.Outcome is ResponseIntakeOutcome.Created or ResponseIntakeOutcome.Invalid ? SurveyTokenState.Open : SurveyTokenState.Answered,
            invitation, result);
    }

    /// <summary>Records the customer's opt-out through the token (RFC 8058 one-click or the confirmation page).</summary>
    /// <param name="token">The token from the URL.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state before the opt-out (<see cref="SurveyTokenState.Unknown"/>: nothing recorded); an expired or answered link still opts out.</returns>
    public async ValueTask<SurveyTokenResult> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default)
    {
        var found = await LookupAsync(token, cancellationToken).ConfigureAwait(false);
        if (found.Invitation is not { } invitation) return found;
        var after = await _store.OptOutAsync(invitation.Id, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return found with { Invitation = after ?? invitation };
    }

    private static SurveyTokenState StateOf(SurveyInvitation invitation, DateTimeOffset now) => invitation.StatusAt(now) switch
    {
        // A scheduled invitation's link is out only when a send crashed before its mark: the message went, so it takes an answer.
        InvitationStatus.Sent or InvitationStatus.Scheduled => SurveyTokenState.Open,
        InvitationStatus.Answered => SurveyTokenState.Answered,
        InvitationStatus.Expired => SurveyTokenState.Expired,
        _ => SurveyTokenState.Closed,
    };
}
