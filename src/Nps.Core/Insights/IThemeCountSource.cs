namespace Nps.Insights;

/// <summary>
/// A store that keeps comment themes as counts: per UTC day, theme, category, manual and unsolicited flag and inclusion
/// probability, matched against one taxonomy and kept current as responses are added and deleted, so
/// <see cref="ThemeAnalysis.AnalyzeAsync"/> reads rows bounded by its answer instead of every comment of the range.
/// </summary>
/// <remarks>
/// The taxonomy is the host's choice, so the store keeps the <see cref="ThemeTaxonomy.Fingerprint"/> its counts were
/// matched with; a different taxonomy starts them again from the stored comments, a bounded number of comments at a
/// time (<see cref="UpdateThemeCountsAsync"/>). Until they are current for the taxonomy asked, callers answer from
/// the comments themselves, so an answer is never taken from counts of another taxonomy or from part of them.
/// </remarks>
public interface IThemeCountSource
{
    /// <summary>
    /// Brings the theme counts up to date for a taxonomy: matches the comments stored since the last update (or every
    /// stored comment, again, when the counts hold another taxonomy), at most <paramref name="maximumComments"/> of them.
    /// Safe to call from several instances at once.
    /// </summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <param name="maximumComments">The most comments this call matches (at least 1); the next call carries on.</param>
    /// <param name="cancellationToken">Cancels the update (what was committed stays).</param>
    /// <returns>Whether the counts are now current for the taxonomy.</returns>
    ValueTask<bool> UpdateThemeCountsAsync(ThemeTaxonomy taxonomy, int maximumComments, CancellationToken cancellationToken = default);

    /// <summary>
    /// The theme counts of the responses answered in [<paramref name="start"/>, <paramref name="until"/>), summed per
    /// theme (and <see cref="ThemeCountRow.Commented"/>, <see cref="ThemeCountRow.WithTheme"/>), manual and unsolicited
    /// flag and inclusion probability; null when the counts are not current for the taxonomy.
    /// </summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <param name="start">The first instant (inclusive), or null for no lower bound.</param>
    /// <param name="until">The instant where the range stops (exclusive), or null for no upper bound.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows (at most one per theme, flags and probability), or null.</returns>
    ValueTask<IReadOnlyList<ThemeCountRow>?> CountThemesAsync(ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until, CancellationToken cancellationToken = default);

    /// <summary>
    /// The first comments (by answer instant, then response id ordinally) in [<paramref name="start"/>,
    /// <paramref name="until"/>) that mention a theme, at most <paramref name="limit"/>; read from the counts' own record
    /// of mentions, so only those comments are read.
    /// </summary>
    /// <param name="taxonomy">The taxonomy the counts are current for.</param>
    /// <param name="theme">The theme's index in <see cref="ThemeTaxonomy.Themes"/>.</param>
    /// <param name="start">The first instant (inclusive), or null for no lower bound.</param>
    /// <param name="until">The instant where the range stops (exclusive), or null for no upper bound.</param>
    /// <param name="limit">The most examples (at least 1).</param>
    /// <param name="includeManual">Whether manual sends count.</param>
    /// <param name="includeUnsolicited">Whether unsolicited responses count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The examples, in order.</returns>
    ValueTask<IReadOnlyList<ThemeExample>> ReadThemeExamplesAsync(ThemeTaxonomy taxonomy, int theme, DateTimeOffset? start, DateTimeOffset? until, int limit,
        bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken = default);
}
