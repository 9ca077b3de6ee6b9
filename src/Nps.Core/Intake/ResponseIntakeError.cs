namespace Nps.Intake;

/// <summary>Why the intake refused a response: the field (as named on the wire, camelCase) and the reason.</summary>
/// <param name="Field">The field, e.g. <c>respondedAt</c>.</param>
/// <param name="Reason">Why, for people, e.g. <c>must not be after 2026-03-03T10:00:00Z (1 day after the clock)</c>.</param>
public sealed record ResponseIntakeError(string Field, string Reason);
