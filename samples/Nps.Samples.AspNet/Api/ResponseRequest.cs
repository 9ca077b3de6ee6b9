using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nps.Samples.AspNet.Api;

/// <summary>The body of <c>POST /api/responses</c>. Loosely typed on purpose, so that every bad field is reported by name.</summary>
public sealed record ResponseRequest
{
    /// <summary>The idempotency key: a retry with the same id returns the stored response.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Who answered; <c>customerId</c> is accepted as the same field.</summary>
    public string? RespondentId { get; init; }

    /// <summary>The same as <see cref="RespondentId"/> (the name touchpoints use).</summary>
    public string? CustomerId { get; init; }
    public string? InvitationId { get; init; }

    /// <summary>The touchpoint event whose invitation this answers (its inclusion probability is taken from it when none is sent).</summary>
    public string? EventId { get; init; }

    /// <summary><c>transactional</c> (default) or <c>relational</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>0 to 10.</summary>
    public int? Rating { get; init; }

    public string? Comment { get; init; }
    public bool? CallbackRequested { get; init; }

    /// <summary>ISO 8601 with a UTC offset or <c>Z</c>.</summary>
    public string? RespondedAt { get; init; }

    public string? Team { get; init; }
    public string? Agent { get; init; }
    public string? Channel { get; init; }
    public string? Product { get; init; }
    public string? Touchpoint { get; init; }
    public Dictionary<string, string>? Attributes { get; init; }

    /// <summary>In (0, 1]; 1 when absent.</summary>
    public double? InclusionProbability { get; init; }

    public bool? IsManual { get; init; }

    /// <summary>Any other field: a string value is a free dimension (as extra columns are for <c>nps report</c>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
