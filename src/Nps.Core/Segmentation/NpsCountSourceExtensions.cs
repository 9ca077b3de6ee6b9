namespace Nps.Segmentation;

/// <summary>Reports from counts: <see cref="INpsCountSource"/> counts, <see cref="NpsReportBuilder"/> computes the statistics.</summary>
public static class NpsCountSourceExtensions
{
    /// <summary>Builds the report of the responses answered in [from, to) from the source's counts.</summary>
    /// <param name="source">Where the responses are counted.</param>
    /// <param name="options">What to group by and how to state uncertainty.</param>
    /// <param name="from">The first instant counted, or null.</param>
    /// <param name="to">The instant where counting stops, or null.</param>
    /// <param name="cancellationToken">Cancels counting.</param>
    /// <returns>The same report a builder fed the responses one by one would give.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or the source returned a row that does not fit the query.</exception>
    public static async Task<NpsReport> BuildReportAsync(this INpsCountSource source, NpsReportOptions options,
        DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var builder = new NpsReportBuilder(options);
        await foreach (var row in source.CountAsync(NpsCountQuery.For(options, from, to), cancellationToken).ConfigureAwait(false))
        {
            builder.Add(in row);
        }

        return builder.Build();
    }
}
