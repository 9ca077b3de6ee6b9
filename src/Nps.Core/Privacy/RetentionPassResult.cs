namespace Nps.Privacy;

/// <summary>What one <see cref="RetentionPass.RunOnceAsync"/> removed (counts only: nothing personal).</summary>
/// <param name="Responses">Responses and follow-ups removed.</param>
/// <param name="Contacts">Contact records, decisions, invitations and first sightings removed.</param>
/// <param name="Finished">Whether nothing past its retention was left (otherwise the pass stopped at its batch limit).</param>
public readonly record struct RetentionPassResult(long Responses, long Contacts, bool Finished);
