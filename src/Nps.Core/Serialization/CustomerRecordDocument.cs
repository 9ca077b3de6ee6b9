using Nps.Customers;
using Nps.Fatigue;

namespace Nps.Serialization;

/// <summary>
/// The customer record on the wire (<c>GET /api/customers/{customerId}</c>): contacts with their kind
/// (<c>invitation</c>, <c>response</c>, <c>follow-up</c>, <c>opt-out</c>, <c>opt-in</c>), responses, follow-ups, and
/// <c>eligibleAgainAt</c> (null when eligible now).
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Contacts">The contacts, oldest first.</param>
/// <param name="Responses">The responses, oldest first.</param>
/// <param name="FollowUps">The follow-ups, by due time.</param>
/// <param name="EligibleAgainAt">When a survey is allowed again; null when eligible now; 9999-12-31 when never (opted out).</param>
public sealed record CustomerRecordDocument(
    string CustomerId,
    IReadOnlyList<CustomerContactDocument> Contacts,
    IReadOnlyList<CustomerResponseDocument> Responses,
    IReadOnlyList<CustomerFollowUpDocument> FollowUps,
    DateTimeOffset? EligibleAgainAt)
{
    /// <summary>The document of a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The document.</returns>
    public static CustomerRecordDocument From(CustomerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.CustomerId,
            [.. record.Contacts.Select(c => new CustomerContactDocument(WireNames.Format(c.Record.Kind), WireNames.Format(c.Record.Survey), c.Record.At,
                c.Record.Kind == ContactKind.Invitation ? c.EventId : null))],
            [.. record.Responses.Select(r => new CustomerResponseDocument(r.ResponseId, r.Response.Rating.Value, r.Response.RespondedAt, r.Response.Comment))],
            [.. record.FollowUps.Select(f => new CustomerFollowUpDocument(f.Id, WireNames.Format(f.Status)))],
            record.EligibleAgainAt);
    }
}

/// <summary>One contact of a customer record.</summary>
/// <param name="Kind">invitation, response, follow-up, opt-out or opt-in.</param>
/// <param name="SurveyKind">transactional or relational.</param>
/// <param name="At">When.</param>
/// <param name="EventId">The event an invitation was for, where known.</param>
public sealed record CustomerContactDocument(string Kind, string SurveyKind, DateTimeOffset At, string? EventId);

/// <summary>One response of a customer record.</summary>
/// <param name="ResponseId">The response id.</param>
/// <param name="Rating">The 0–10 rating.</param>
/// <param name="RespondedAt">When the customer answered.</param>
/// <param name="Comment">The comment, if any.</param>
public sealed record CustomerResponseDocument(string ResponseId, int Rating, DateTimeOffset RespondedAt, string? Comment);

/// <summary>One follow-up of a customer record.</summary>
/// <param name="Id">The follow-up id.</param>
/// <param name="Status">open, contacted or closed.</param>
public sealed record CustomerFollowUpDocument(string Id, string Status);
