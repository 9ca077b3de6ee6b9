using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nps.Samples.AspNet.Api;

/// <summary>The body of <c>POST /api/touchpoints</c>. Loosely typed on purpose, so that every bad field is reported by name.</summary>
public sealed record TouchpointRequest
{
    public string? CustomerId { get; init; }
    public string? EventId { get; init; }

    /// <summary>ISO 8601 with a UTC offset or <c>Z</c>, e.g. <c>2026-03-14T10:00:00+01:00</c>.</summary>
    public string? OccurredAt { get; init; }

    /// <summary>
    /// <c>transactional</c> (default) or <c>relational</c>: a "who is due?" check; the customer's first one is their
    /// first sighting, and their first relational slot falls within a cycle after it.
    /// </summary>
    public string? Kind { get; init; }

    public string? Touchpoint { get; init; }
    public string? Channel { get; init; }
    public string? Team { get; init; }
    public string? Agent { get; init; }
    public string? Product { get; init; }
    public Dictionary<string, string>? Attributes { get; init; }
    public bool? IsFollowUp { get; init; }
    public bool? IsComplaintOpen { get; init; }

    /// <summary>The customer's IANA time zone, e.g. <c>Europe/Amsterdam</c>.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>ISO 8601 with a UTC offset.</summary>
    public string? RelationshipStart { get; init; }

    public string? EmailDomain { get; init; }

    /// <summary>Any other field: a string value is a free attribute that rules and policies can be scoped by.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
