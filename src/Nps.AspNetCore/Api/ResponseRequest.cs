using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Nps.Data;
using System.Text.Json.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>The body of <c>POST /api/responses</c>. Loosely typed on purpose, so that every bad field is reported by name.</summary>
public sealed record ResponseRequest
{
    /// <summary>The idempotency key: a retry with the same id returns the stored response.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Who answered; <c>customerId</c> is accepted as the same field.</summary>
    public string? RespondentId { get; init; }

    /// <summary>The same as <see cref="RespondentId"/> (the name touchpoints use).</summary>
    public string? CustomerId { get; init; }
    /// <summary>The invitation this answers, when the survey system knows it.</summary>
    public string? InvitationId { get; init; }

    /// <summary>The touchpoint event whose invitation this answers (its inclusion probability is taken from it when none is sent).</summary>
    public string? EventId { get; init; }

    /// <summary><c>transactional</c> (default) or <c>relational</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>0 to 10.</summary>
    public int? Rating { get; init; }

    /// <summary>The free-text comment.</summary>
    public string? Comment { get; init; }
    /// <summary>Whether the customer asked to be called back (a follow-up is created).</summary>
    public bool? CallbackRequested { get; init; }

    /// <summary>ISO 8601 with a UTC offset or <c>Z</c>.</summary>
    public string? RespondedAt { get; init; }

    /// <summary>The team that served the customer.</summary>
    public string? Team { get; init; }
    /// <summary>The agent who served the customer.</summary>
    public string? Agent { get; init; }
    /// <summary>The channel of the contact, e.g. <c>phone</c>.</summary>
    public string? Channel { get; init; }
    /// <summary>The product the contact was about.</summary>
    public string? Product { get; init; }
    /// <summary>The touchpoint, e.g. <c>support-call</c>.</summary>
    public string? Touchpoint { get; init; }
    /// <summary>Free dimensions (string values) for segmentation and scoping.</summary>
    public Dictionary<string, string>? Attributes { get; init; }

    /// <summary>In (0, 1]; 1 when absent.</summary>
    public double? InclusionProbability { get; init; }

    /// <summary>Whether the survey was sent by hand (outside the sampling rules).</summary>
    public bool? IsManual { get; init; }

    /// <summary>Any other field: a string value is a free dimension (as extra columns are for <c>nps report</c>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// Binds this body as a <see cref="SurveyResponse"/> with the same checks as <c>POST /api/responses</c>: every
    /// invalid field is reported by its JSON name (required fields, the time's offset and plausibility against
    /// <paramref name="now"/>, the kind, the rating, the inclusion probability, the attributes).
    /// </summary>
    /// <param name="now">The time "in the future" is measured against (the host's <see cref="TimeProvider"/>).</param>
    /// <param name="response">The response, when the body is valid.</param>
    /// <param name="errors">Each invalid field, in the order checked; empty when valid.</param>
    /// <returns>Whether the body is a valid response.</returns>
    public bool TryBind(DateTimeOffset now, [NotNullWhen(true)] out SurveyResponse? response, out IReadOnlyList<DataError> errors) =>
        FieldErrors.TryBind(found => Bind(found, now), out response, out errors);

    internal SurveyResponse? Bind(FieldErrors errors, DateTimeOffset now)
    {
        var body = this;
        var responseId = errors.Required("responseId", body.ResponseId);
        var respondedAt = errors.Time("respondedAt", body.RespondedAt, required: true, now);
        var kind = errors.Kind("kind", body.Kind);
        var rating = errors.Rating("rating", body.Rating) ?? default;
        errors.Probability("inclusionProbability", body.InclusionProbability); // the floor and range, named
        var attributes = errors.Attributes(body.Attributes, body.Extra);
        if (body.RespondentId is { } respondent && body.CustomerId is { } customer && respondent != customer)
        {
            errors.Add("customerId", "differs from respondentId; send one of them.");
        }
        if (errors.Any) return null;

        var response = new SurveyResponse
        {
            ResponseId = responseId!, RespondentId = body.RespondentId ?? body.CustomerId ?? "", InvitationId = body.InvitationId, EventId = body.EventId,
            Kind = kind, Rating = rating, Comment = body.Comment, CallbackRequested = body.CallbackRequested ?? false, RespondedAt = respondedAt!.Value,
            Team = body.Team, Agent = body.Agent, Channel = body.Channel, Product = body.Product, Touchpoint = body.Touchpoint,
            Attributes = attributes is null ? [] : new Dictionary<string, string>(attributes, StringComparer.Ordinal), IsManual = body.IsManual ?? false,
        };

        // Left unset when not sent, so the intake takes it from the invitation.
        return body.InclusionProbability is { } stated ? response with { InclusionProbability = stated } : response;
    }
}
