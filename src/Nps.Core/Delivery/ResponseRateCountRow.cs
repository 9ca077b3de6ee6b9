using Nps.Segmentation;

namespace Nps.Delivery;

/// <summary>
/// One group of sent invitations as a store counts them (<see cref="IInvitationStore.CountSentAsync"/>): the period
/// of their send time, their dimension values, whether they are manual, how many were sent and how many answered.
/// Rows merge by adding, so <see cref="NpsResponseRates"/> builds every cell of the report from them.
/// </summary>
/// <param name="Period">The period holding the local send date; null when the query has no period.</param>
/// <param name="DimensionValues">The values of the query's dimensions, in its order; null where an invitation has none.</param>
/// <param name="IsManual">Whether these are manual invitations.</param>
/// <param name="Sent">Invitations sent.</param>
/// <param name="Answered">Of those, answered.</param>
public sealed record ResponseRateCountRow(TimeBucket? Period, IReadOnlyList<string?> DimensionValues, bool IsManual, long Sent, long Answered);
