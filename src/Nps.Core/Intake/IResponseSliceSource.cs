namespace Nps.Intake;

/// <summary>
/// A store that reads bounded, paged slices of its responses — one team's responses of a week, the commented
/// responses of a range — so a view that shows comments reads the rows it shows and never every stored response.
/// </summary>
/// <remarks>Counts (scores, trends, distributions) come from <see cref="Segmentation.INpsCountSource"/>; slices carry only what must be read row by row.</remarks>
public interface IResponseSliceSource
{
    /// <summary>Reads one page of the responses the query selects, ordered by (responded-at instant, response id ordinal).</summary>
    /// <param name="query">What to select, how many at most, and after which cursor.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>At most <see cref="ResponseSliceQuery.Limit"/> responses and the cursor of the next page.</returns>
    /// <exception cref="ArgumentException">The query's cursor is not one this source gave.</exception>
    ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default);
}
