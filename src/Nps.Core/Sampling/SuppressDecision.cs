namespace Nps.Sampling;

/// <summary>No survey for this event; <see cref="Rule"/> and <see cref="Reason"/> say why.</summary>
public sealed record SuppressDecision : SurveyDecision
{
    /// <summary>The deciding rule, e.g. <c>cooldown-after-response</c>, <c>not-sampled</c>, <c>invalid-event</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>Why, for people, e.g. <c>responded 2026-03-01; 30-day cooldown</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// When the customer is eligible again, when that is known from the rules (the latest end of every failed
    /// check); <see langword="null"/> when no rule says (opted out, excluded, not sampled, invalid event).
    /// </summary>
    public DateTimeOffset? EligibleAgainAt { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override DecisionOutcome Outcome => DecisionOutcome.Suppress;
}
