namespace Nps.Samples.AspNet.Api;

/// <summary>The body of <c>POST /api/responses</c>. Loosely typed on purpose, so that every bad field is reported by name.</summary>
public sealed record ResponseRequest
{
    /// <summary>The idempotency key: a retry with the same id returns the stored response.</summary>
    public string? ResponseId { get; init; }

    public string? RespondentId { get; init; }
    public string? InvitationId { get; init; }

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
}
