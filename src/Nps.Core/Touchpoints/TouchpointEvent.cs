namespace Nps.Touchpoints;

/// <summary>
/// Something happened with a customer that may lead to a survey: a touchpoint (transactional) or a turn of the
/// periodic relationship sample (relational). This is data from outside; <see cref="Sampling.SurveyProgram"/> turns an
/// invalid event into a suppression that names the field, never into an exception.
/// </summary>
public sealed record TouchpointEvent
{
    /// <summary>The customer's stable id (required, not blank).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The id of this event (required, not blank); together with the customer id it keys the sampling draw.</summary>
    public required string EventId { get; init; }

    /// <summary>When the touchpoint happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Transactional (after this touchpoint) or relational (periodic sample).</summary>
    public SurveyKind Kind { get; init; }

    /// <summary>The kind of touchpoint, e.g. <c>support-call</c> or <c>delivery</c>.</summary>
    public string? Touchpoint { get; init; }

    /// <summary>The channel, e.g. <c>phone</c>, <c>chat</c>, <c>store</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The team that handled the touchpoint.</summary>
    public string? Team { get; init; }

    /// <summary>The agent who handled the touchpoint (never used to choose who is asked).</summary>
    public string? Agent { get; init; }

    /// <summary>The product concerned.</summary>
    public string? Product { get; init; }

    /// <summary>Free attributes that rules and sampling policies can be scoped by (ordinal keys and values).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>This contact is itself a follow-up of earlier feedback (closing the loop): it never triggers a survey.</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>The customer has a complaint open.</summary>
    public bool IsComplaintOpen { get; init; }

    /// <summary>The customer's IANA time zone (e.g. <c>Europe/Amsterdam</c>); the program's default zone when absent.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>When the relationship with the customer started, when known (for the new-customer delay).</summary>
    public DateTimeOffset? RelationshipStart { get; init; }

    /// <summary>The domain of the customer's e-mail address (e.g. <c>example.com</c>), for domain exclusions.</summary>
    public string? EmailDomain { get; init; }

    /// <summary>The value of a field a scope can name: a fixed field or, failing that, a free attribute.</summary>
    internal string? Attribute(string key) =>
        Attributes is not null && Attributes.TryGetValue(key, out var value) ? value : null;
}
