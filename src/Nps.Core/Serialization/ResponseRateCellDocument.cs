using Nps.Delivery;

namespace Nps.Serialization;

/// <summary>One cell of <see cref="ResponseRatesDocument"/>: invitations sent, answered, the rate and its Wilson interval.</summary>
/// <param name="Dimensions">Dimension name → value, with <c>period</c> when grouped by period; empty for overall.</param>
/// <param name="Sent">Invitations sent in the cell.</param>
/// <param name="Answered">Of those, answered.</param>
/// <param name="Rate">Answered / sent; <see langword="null"/> when nothing was sent.</param>
/// <param name="Lower">The lower end of the Wilson interval; <see langword="null"/> when nothing was sent.</param>
/// <param name="Upper">The upper end of the Wilson interval; <see langword="null"/> when nothing was sent.</param>
public sealed record ResponseRateCellDocument(IReadOnlyDictionary<string, string> Dimensions, long Sent, long Answered, double? Rate, double? Lower, double? Upper)
{
    /// <summary>The document of a computed cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The document.</returns>
    public static ResponseRateCellDocument From(ResponseRateCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new(cell.Dimensions, cell.Sent, cell.Answered, cell.Rate, cell.Lower, cell.Upper);
    }

    /// <summary>A cell in which nothing was sent.</summary>
    /// <returns>The empty overall cell.</returns>
    public static ResponseRateCellDocument Empty() => new(new Dictionary<string, string>(StringComparer.Ordinal), 0, 0, null, null, null);
}
