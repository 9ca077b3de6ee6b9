namespace Nps.FollowUp;

/// <summary>
/// How many counted follow-ups share a status, a category and where they stand against their due time
/// (<see cref="FollowUpCounts"/>); every metric of the loop is a sum of such cells.
/// </summary>
/// <param name="Status">The status.</param>
/// <param name="Category">The response's category.</param>
/// <param name="Contacted">Whether the customer was contacted (a first contact is recorded).</param>
/// <param name="ContactedLate">Whether that first contact came after the due time (false when not contacted).</param>
/// <param name="Due">Whether the due time is before the query's as-of moment.</param>
/// <param name="Count">How many follow-ups.</param>
public readonly record struct FollowUpCountCell(FollowUpStatus Status, NpsCategory Category, bool Contacted, bool ContactedLate, bool Due, long Count);
