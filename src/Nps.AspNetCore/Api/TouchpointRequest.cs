using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Nps.Data;
using Nps.Sampling;
using System.Text.Json.Serialization;
using Nps.Touchpoints;

namespace Nps.AspNetCore.Api;

/// <summary>The body of <c>POST /api/touchpoints</c>. Loosely typed on purpose, so that every bad field is reported by name.</summary>
public sealed record TouchpointRequest
{
    /// <summary>The customer the event is about.</summary>
    public string? CustomerId { get; init; }
    /// <summary>The event's id: the idempotency key of the decision.</summary>
    public string? EventId { get; init; }

    /// <summary>ISO 8601 with a UTC offset or <c>Z</c>, e.g. <c>2026-03-14T10:00:00+01:00</c>.</summary>
    public string? OccurredAt { get; init; }

    /// <summary>
    /// <c>transactional</c> (default) or <c>relational</c>: a "who is due?" check; the customer's first one is their
    /// first sighting, and their first relational slot falls within a cycle after it.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>The touchpoint, e.g. <c>support-call</c>.</summary>
    public string? Touchpoint { get; init; }
    /// <summary>The channel of the event, e.g. <c>phone</c>.</summary>
    public string? Channel { get; init; }
    /// <summary>The team that serves the customer.</summary>
    public string? Team { get; init; }
    /// <summary>The agent who serves the customer.</summary>
    public string? Agent { get; init; }
    /// <summary>The product the event is about.</summary>
    public string? Product { get; init; }
    /// <summary>Free dimensions (string values) for segmentation and scoping.</summary>
    public Dictionary<string, string>? Attributes { get; init; }
    /// <summary>Whether the event is itself a follow-up contact (never surveyed).</summary>
    public bool? IsFollowUp { get; init; }
    /// <summary>Whether the customer has an open complaint (suppressed while it is open).</summary>
    public bool? IsComplaintOpen { get; init; }

    /// <summary>The customer's IANA time zone, e.g. <c>Europe/Amsterdam</c>.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>ISO 8601 with a UTC offset.</summary>
    public string? RelationshipStart { get; init; }

    /// <summary>The domain of the customer's e-mail address, for domain rules.</summary>
    public string? EmailDomain { get; init; }

    /// <summary>Any other field: a string value is a free attribute that rules and policies can be scoped by.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// Binds this body as a <see cref="TouchpointEvent"/> with the same checks as <c>POST /api/touchpoints</c>: every
    /// invalid field is reported by its JSON name (required ids, the times' offsets and plausibility against
    /// <paramref name="now"/>, the kind, the time zone, the attributes).
    /// </summary>
    /// <param name="now">The time "in the future" is measured against (the host's <see cref="TimeProvider"/>).</param>
    /// <param name="touchpoint">The event, when the body is valid.</param>
    /// <param name="errors">Each invalid field, in the order checked; empty when valid.</param>
    /// <returns>Whether the body is a valid event.</returns>
    public bool TryBind(DateTimeOffset now, [NotNullWhen(true)] out TouchpointEvent? touchpoint, out IReadOnlyList<DataError> errors) =>
        FieldErrors.TryBind(found => Bind(found, now), out touchpoint, out errors);

    internal TouchpointEvent? Bind(FieldErrors errors, DateTimeOffset now)
    {
        var customerId = errors.Required("customerId", CustomerId);
        var eventId = errors.Required("eventId", EventId);
        var occurredAt = errors.Time("occurredAt", OccurredAt, required: true, now);
        var relationshipStart = errors.Time("relationshipStart", RelationshipStart, required: false);
        var kind = errors.Kind("kind", Kind);
        errors.TimeZone("timeZoneId", TimeZoneId);
        var attributes = errors.Attributes(Attributes, Extra);
        if (errors.Any) return null;

        return new TouchpointEvent
        {
            CustomerId = customerId!, EventId = eventId!, OccurredAt = occurredAt!.Value, Kind = kind,
            Touchpoint = Touchpoint, Channel = Channel, Team = Team, Agent = Agent, Product = Product,
            Attributes = attributes, IsFollowUp = IsFollowUp ?? false, IsComplaintOpen = IsComplaintOpen ?? false,
            TimeZoneId = TimeZoneId, RelationshipStart = relationshipStart, EmailDomain = EmailDomain,
        };
    }
}
