namespace Nps.Intake;

/// <summary>One page of stored responses.</summary>
/// <param name="Items">The responses on this page, in the order they were stored.</param>
/// <param name="NextCursor">The cursor of the next page, or <see langword="null"/> when this is the last.</param>
public sealed record ResponsePage(IReadOnlyList<StoredResponse> Items, string? NextCursor);
