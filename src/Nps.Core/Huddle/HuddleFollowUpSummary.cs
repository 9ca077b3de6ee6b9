namespace Nps.Huddle;

/// <summary>The team's follow-up queue at a moment.</summary>
/// <param name="Open">Follow-ups owned by the team that await their first contact.</param>
/// <param name="Overdue">Of those, the ones past their due time.</param>
/// <param name="AsOf">The moment they are judged at.</param>
public readonly record struct HuddleFollowUpSummary(int Open, int Overdue, DateTimeOffset AsOf);
