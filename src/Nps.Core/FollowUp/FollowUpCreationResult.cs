namespace Nps.FollowUp;

/// <summary>The result of <see cref="FollowUpService.CreateFromResponseAsync"/>: never a silent drop.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="FollowUp">The follow-up (created or existing); null when none is needed or possible.</param>
/// <param name="Detail">Why, in words (e.g. "promoter without a callback request: no follow-up needed").</param>
public readonly record struct FollowUpCreationResult(string ResponseId, FollowUpCreationOutcome Outcome, FollowUpCase? FollowUp, string Detail);
