namespace Nps.FollowUp;

/// <summary>The result of a status change: the follow-up after it, or why it was refused.</summary>
/// <param name="Succeeded">Whether the change was made.</param>
/// <param name="FollowUp">The follow-up after the change; the current one when refused (null when the id is unknown).</param>
/// <param name="Error">Why the change was refused (its field <c>id</c> for an unknown follow-up, <c>status</c> for a move that is not allowed); null when it succeeded.</param>
public readonly record struct FollowUpTransitionResult(bool Succeeded, FollowUpCase? FollowUp, DataError? Error);
