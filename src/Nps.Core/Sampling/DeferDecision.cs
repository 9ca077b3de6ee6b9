namespace Nps.Sampling;

/// <summary>
/// The event is eligible and selected, but a timing rule (quiet hours, allowed days) moves the send time: send at
/// <see cref="SendAt"/>. The invitation is already recorded in the ledger at that time, so caps
/// and cooldowns count it; nothing has to be decided again.
/// </summary>
public sealed record DeferDecision : SurveyDecision
{
    /// <summary>When to send: the first allowed instant in the customer's time zone.</summary>
    public DateTimeOffset SendAt { get; init; }

    /// <summary>The rule that moved the send time, e.g. <c>quiet-hours</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>Why, for people, e.g. <c>21:00–08:00 is quiet in Europe/Amsterdam; next allowed local time 2026-03-30 08:00</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The probability with which this event was selected (the policy's rate; 1 for a manual invitation).</summary>
    public double InclusionProbability { get; init; }

    /// <summary>The sampling policy that selected the event, or <c>manual</c>.</summary>
    public required string Policy { get; init; }

    /// <summary>Someone asked for this invitation by hand: report it apart and keep it out of the unbiased score.</summary>
    public bool IsManual { get; init; }

    /// <summary>Who asked for a manual invitation (audit); <see langword="null"/> for sampled invitations.</summary>
    public string? RequestedBy { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override DecisionOutcome Outcome => DecisionOutcome.Defer;
}
