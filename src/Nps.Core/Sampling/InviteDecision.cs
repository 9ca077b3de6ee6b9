namespace Nps.Sampling;

/// <summary>Send the survey at <see cref="SendAt"/>; the invitation is already recorded in the contact ledger.</summary>
public sealed record InviteDecision : SurveyDecision
{
    /// <summary>When to send: the decision time for an invitation, a later allowed time for a deferral.</summary>
    public DateTimeOffset SendAt { get; init; }

    /// <summary>
    /// The probability with which this event was selected (the policy's rate); weight a response by its
    /// inverse. For a manual invitation it is 1 and means nothing for the unbiased estimate.
    /// </summary>
    public double InclusionProbability { get; init; }

    /// <summary>The sampling policy that selected the event, or <c>manual</c>.</summary>
    public required string Policy { get; init; }

    /// <summary>Someone asked for this invitation by hand: report it apart and keep it out of the unbiased score.</summary>
    public bool IsManual { get; init; }

    /// <summary>Who asked for a manual invitation (audit); <see langword="null"/> for sampled invitations.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Whether a response to this invitation belongs in the unbiased (weighted) score.</summary>
    public bool CountsTowardUnbiasedScore => !IsManual;

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override DecisionOutcome Outcome => DecisionOutcome.Invite;
}
