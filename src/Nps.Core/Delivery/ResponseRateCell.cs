using Nps.Segmentation;

namespace Nps.Delivery;

/// <summary>One segment's response rate: invitations sent, answered, the rate and its Wilson score interval.</summary>
/// <param name="Dimensions">The segment's dimension values by name (and <c>period</c> when grouped by time); empty for the overall cell.</param>
/// <param name="Period">The period, when grouped by time.</param>
/// <param name="Sent">Invitations sent.</param>
/// <param name="Answered">Of those, answered.</param>
/// <param name="Rate">Answered / sent; NaN when none was sent.</param>
/// <param name="Lower">The Wilson interval's lower bound; NaN when none was sent.</param>
/// <param name="Upper">The Wilson interval's upper bound; NaN when none was sent.</param>
public sealed record ResponseRateCell(IReadOnlyDictionary<string, string> Dimensions, TimeBucket? Period, long Sent, long Answered, double Rate, double Lower, double Upper);
