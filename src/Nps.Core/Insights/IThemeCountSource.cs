namespace Nps.Insights;

/// <summary>
/// A store that keeps comment themes as counts: per UTC day, theme, category, manual and unsolicited flag and inclusion
/// probability, matched against one taxonomy and kept current as responses are added and deleted, so
/// <see cref="ThemeAnalysis.AnalyzeAsync"/> reads rows bounded by its answer instead of every comment of the range.
/// </summary>
/// <remarks>
/// The taxonomy is the host's choice, so the store keeps the <see cref="ThemeTaxonomy.Fingerprint"/> its counts were
/// matched with; a different taxonomy starts them again from the stored comments. Matching runs off the request path
/// (<see cref="ThemeCountMatcher"/>, a bounded page at a time: a host's background service, or a batch job), and
/// readers answer from the counts as they stand, saying how many comments they leave out
/// (<see cref="ThemeCountSnapshot.Pending"/>), so an answer is never taken from counts of another taxonomy and a
/// request never matches comments itself.
/// </remarks>
public interface IThemeCountSource
{
    /// <summary>
    /// Brings the theme counts closer to date for a taxonomy: matches the comments stored since the last update (or every
    /// stored comment, again, when the counts hold another taxonomy), at most <paramref name="maximumComments"/> of them.
    /// Safe to call from several instances at once: no comment is counted twice.
    /// </summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <param name="maximumComments">The most comments this call matches (at least 1); the next call carries on.</param>
    /// <param name="cancellationToken">Cancels the update (what was committed stays).</param>
    /// <returns>How many comments it matched, and how many still wait.</returns>
    ValueTask<ThemeCountUpdate> UpdateThemeCountsAsync(ThemeTaxonomy taxonomy, int maximumComments, CancellationToken cancellationToken = default);

    /// <summary>
    /// The theme counts of the responses answered in [<paramref name="start"/>, <paramref name="until"/>) as they stand,
    /// summed per theme (and <see cref="ThemeCountRow.Commented"/>, <see cref="ThemeCountRow.WithTheme"/>), manual and
    /// unsolicited flag and inclusion probability, with how many stored comments are not in them yet; no rows while
    /// the counts hold another taxonomy. Matches nothing.
    /// </summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <param name="start">The first instant (inclusive), or null for no lower bound.</param>
    /// <param name="until">The instant where the range stops (exclusive), or null for no upper bound.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows (at most one per theme, flags and probability) and the comments pending.</returns>
    ValueTask<ThemeCountSnapshot> CountThemesAsync(ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each theme asked, the first matched comments (by answer instant, then response id ordinally) in
    /// [<paramref name="start"/>, <paramref name="until"/>) that mention it, at most <paramref name="limit"/> each; read
    /// from the counts' own record of mentions in one read, so only those comments are read.
    /// </summary>
    /// <param name="taxonomy">The taxonomy of the counts (none while they hold another).</param>
    /// <param name="themes">The themes' indexes in <see cref="ThemeTaxonomy.Themes"/>.</param>
    /// <param name="start">The first instant (inclusive), or null for no lower bound.</param>
    /// <param name="until">The instant where the range stops (exclusive), or null for no upper bound.</param>
    /// <param name="limit">The most examples per theme (at least 1).</param>
    /// <param name="includeManual">Whether manual sends count.</param>
    /// <param name="includeUnsolicited">Whether unsolicited responses count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One list per theme asked, in the order asked, each in example order.</returns>
    ValueTask<IReadOnlyList<IReadOnlyList<ThemeExample>>> ReadThemeExamplesAsync(ThemeTaxonomy taxonomy, IReadOnlyList<int> themes, DateTimeOffset? start,
        DateTimeOffset? until, int limit, bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken = default);
}
