namespace Nps.Huddle;

/// <summary>A response worth reading out in the huddle: a detractor's comment, a callback request or a compliment.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Rating">Its rating.</param>
/// <param name="Comment">The comment as written; null when there is none (a callback request may have none).</param>
/// <param name="Agent">The agent who handled the touchpoint, where known.</param>
/// <param name="RespondedAt">When the customer answered.</param>
public sealed record HuddleComment(string ResponseId, NpsRating Rating, string? Comment, string? Agent, DateTimeOffset RespondedAt);
