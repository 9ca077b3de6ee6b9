using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Nps.FollowUp;

namespace Nps.Serialization;

/// <summary>
/// The JSON contract of one follow-up (an entry of <c>nps follow-ups --format json</c>, the body of the web API's
/// follow-up routes). Every field is always present, <c>null</c> where it does not apply.
/// </summary>
/// <param name="Id">The follow-up id (<c>fu-</c> + the response id).</param>
/// <param name="ResponseId">The response followed up.</param>
/// <param name="CustomerId">Whom to contact.</param>
/// <param name="Reason"><c>callback</c>, <c>detractor</c> or <c>passive</c> (<see cref="WireNames"/>).</param>
/// <param name="Rating">The rating, 0–10.</param>
/// <param name="Category"><c>detractor</c>, <c>passive</c> or <c>promoter</c>.</param>
/// <param name="Comment">The comment, if any.</param>
/// <param name="RespondedAt">When the customer answered (the SLA clock starts here).</param>
/// <param name="CreatedAt">When the follow-up was created.</param>
/// <param name="DueAt">When the first contact is due.</param>
/// <param name="OwnerTeam">The owning team.</param>
/// <param name="OwnerAgent">The owning agent.</param>
/// <param name="Status"><c>open</c>, <c>contacted</c> or <c>closed</c>.</param>
/// <param name="ContactedAt">When the customer was first contacted.</param>
/// <param name="ContactNote">The note on the contact.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="Outcome">The outcome note given when closing.</param>
/// <param name="Overdue">Whether it is open past its due time at the moment the document was made for; null when made for no moment.</param>
public sealed record FollowUpCaseDocument(
    string Id,
    string ResponseId,
    string CustomerId,
    string Reason,
    int Rating,
    string Category,
    string? Comment,
    DateTimeOffset RespondedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    string? OwnerTeam,
    string? OwnerAgent,
    string Status,
    DateTimeOffset? ContactedAt,
    string? ContactNote,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    bool? Overdue)
{
    /// <summary>The document of a follow-up.</summary>
    /// <param name="followUp">The follow-up.</param>
    /// <param name="asOf">The moment to judge <see cref="Overdue"/> at; without it, <see cref="Overdue"/> is null.</param>
    /// <returns>The document.</returns>
    public static FollowUpCaseDocument From(FollowUpCase followUp, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new FollowUpCaseDocument(
            followUp.Id, followUp.ResponseId, followUp.CustomerId, WireNames.Format(followUp.Reason), followUp.Rating.Value,
            WireNames.Format(followUp.Category), followUp.Comment, followUp.RespondedAt, followUp.CreatedAt, followUp.DueAt,
            followUp.OwnerTeam, followUp.OwnerAgent, WireNames.Format(followUp.Status), followUp.ContactedAt, followUp.ContactNote,
            followUp.ClosedAt, followUp.Outcome, asOf is { } moment ? followUp.IsOverdue(moment) : null);
    }

    /// <summary>The follow-up this document describes (for a store or a client that reads documents back);
    /// <see cref="Category"/> and <see cref="Overdue"/> follow from the rest and are not read.</summary>
    /// <param name="followUp">The follow-up, when the document is valid.</param>
    /// <param name="error">What is wrong, its field the document's JSON field, when it is not.</param>
    /// <returns>Whether the document describes a follow-up.</returns>
    public bool TryToFollowUpCase([NotNullWhen(true)] out FollowUpCase? followUp, [NotNullWhen(false)] out DataError? error)
    {
        followUp = null;
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(ResponseId) || string.IsNullOrWhiteSpace(CustomerId))
        {
            var missing = string.IsNullOrWhiteSpace(Id) ? "id" : string.IsNullOrWhiteSpace(ResponseId) ? "responseId" : "customerId";
            error = new DataError(0, missing, "id, responseId and customerId are required.");
            return false;
        }

        if (!WireNames.TryParse(Reason, out FollowUpReason reason))
        {
            error = new DataError(0, "reason", $"'{Reason}' is not {WireNames.Describe<FollowUpReason>()}.", Reason);
            return false;
        }

        if (!WireNames.TryParse(Status, out FollowUpStatus status))
        {
            error = new DataError(0, "status", $"'{Status}' is not {WireNames.Describe<FollowUpStatus>()}.", Status);
            return false;
        }

        if (!NpsRating.TryCreate(Rating, out var rating))
        {
            error = new DataError(0, "rating", string.Create(CultureInfo.InvariantCulture, $"{Rating} is not a rating from 0 to 10."), Rating.ToString(CultureInfo.InvariantCulture));
            return false;
        }

        error = null;
        followUp = new FollowUpCase
        {
            Id = Id, ResponseId = ResponseId, CustomerId = CustomerId, Reason = reason, Rating = rating, Comment = Comment,
            RespondedAt = RespondedAt, CreatedAt = CreatedAt, DueAt = DueAt, OwnerTeam = OwnerTeam, OwnerAgent = OwnerAgent,
            Status = status, ContactedAt = ContactedAt, ContactNote = ContactNote, ClosedAt = ClosedAt, Outcome = Outcome,
        };
        return true;
    }
}
