using System.Text.Json;
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
}
