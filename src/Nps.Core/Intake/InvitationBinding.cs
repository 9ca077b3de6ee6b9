using Nps.Delivery;

namespace Nps.Intake;

/// <summary>
/// Binds a response to the invitation it answers, so that nothing the respondent sends can change who was asked,
/// about which touchpoint, or with what probability: a response that names an invitation (by invitation id, or by
/// event id for its respondent) takes customer, event, survey kind, dimensions, inclusion probability and manual flag
/// from it (the respondent's own answers to follow-up questions, attributes <c>q:…</c>, are kept beside its attributes). A response that matches no invitation is <see cref="ResponseProvenance.Unsolicited"/>; a historical import
/// is <see cref="ResponseProvenance.Historical"/> and bound to nothing.
/// </summary>
public static class InvitationBinding
{
    /// <summary>Finds the response's invitation and binds the response to it.</summary>
    /// <param name="invitations">The invitation store.</param>
    /// <param name="response">The response as sent.</param>
    /// <param name="historical">Whether it comes from an import that declared itself historical.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The response to store, and its invitation (<see langword="null"/> when none matched).</returns>
    public static async ValueTask<(SurveyResponse Response, SurveyInvitation? Invitation)> BindAsync(IInvitationStore invitations,
        SurveyResponse response, bool historical, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        ArgumentNullException.ThrowIfNull(response);
        if (historical) return (response with { Provenance = ResponseProvenance.Historical }, null);
        var invitation = await FindAsync(invitations, response, cancellationToken).ConfigureAwait(false);
        if (invitation is null || (response.RespondentId.Length > 0 && !string.Equals(response.RespondentId, invitation.CustomerId, StringComparison.Ordinal)))
        {
            return (response with { Provenance = ResponseProvenance.Unsolicited }, null);
        }

        return (Bind(response, invitation), invitation);
    }

    /// <summary>The response with everything its invitation decides taken from the invitation.</summary>
    /// <param name="response">The response as sent.</param>
    /// <param name="invitation">Its invitation.</param>
    /// <returns>The bound response.</returns>
    public static SurveyResponse Bind(SurveyResponse response, SurveyInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(invitation);
        return response with
        {
            RespondentId = invitation.CustomerId, InvitationId = invitation.Id, EventId = invitation.EventId, Kind = invitation.Kind,
            Team = invitation.Team, Agent = invitation.Agent, Channel = invitation.Channel, Product = invitation.Product,
            Touchpoint = invitation.Touchpoint, Attributes = AttributesOf(response, invitation), InclusionProbability = invitation.InclusionProbability,
            IsManual = invitation.IsManual, Provenance = invitation.IsManual ? ResponseProvenance.Manual : ResponseProvenance.Solicited,
        };
    }

    /// <summary>
    /// The invitation's attributes, and beside them the response's answers to follow-up questions (attributes named
    /// <see cref="SurveyAnswers.AnswerAttributePrefix"/>…): answers are the respondent's to give, dimensions are not, and
    /// an invitation attribute of the same name wins.
    /// </summary>
    private static IReadOnlyDictionary<string, string> AttributesOf(SurveyResponse response, SurveyInvitation invitation)
    {
        if (!response.Attributes.Keys.Any(IsAnswer)) return invitation.Attributes;
        var attributes = new Dictionary<string, string>(invitation.Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in response.Attributes)
        {
            if (IsAnswer(name)) attributes.TryAdd(name, value);
        }

        return attributes;
    }

    private static bool IsAnswer(string name) => name.StartsWith(SurveyAnswers.AnswerAttributePrefix, StringComparison.Ordinal);

    /// <summary>The invitation a stored response marks answered: its invitation id when it was bound to one.</summary>
    /// <param name="response">The response being stored.</param>
    /// <returns>The invitation id, or <see langword="null"/>.</returns>
    public static string? BoundInvitationId(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Provenance is ResponseProvenance.Solicited or ResponseProvenance.Manual && response.InvitationId is { Length: > 0 } id ? id : null;
    }

    private static async ValueTask<SurveyInvitation?> FindAsync(IInvitationStore invitations, SurveyResponse response, CancellationToken cancellationToken)
    {
        if (response.InvitationId is { Length: > 0 } invitationId)
        {
            if (await invitations.FindAsync(invitationId, cancellationToken).ConfigureAwait(false) is { } byId) return byId;

            // A sampled invitation is also known by its event id (what an embedder that delivers surveys itself has).
            if (response.RespondentId.Length > 0 &&
                await invitations.FindByEventAsync(response.RespondentId, invitationId, cancellationToken).ConfigureAwait(false) is { } byEventName)
            {
                return byEventName;
            }
        }

        return response.EventId is { Length: > 0 } eventId && response.RespondentId.Length > 0
            ? await invitations.FindByEventAsync(response.RespondentId, eventId, cancellationToken).ConfigureAwait(false)
            : null;
    }
}
