using Nps.Diagnostics;

namespace Nps.Insights;

/// <summary>
/// Brings a store's theme counts up to date off the request path, a bounded page of comments at a time: what a host's
/// background service runs (Nps.AspNetCore's runs it when responses are written, and now and then), and what a batch
/// job can call after a bulk load. Each page is one store transaction, so a stopped matcher loses nothing, and any
/// number of matchers over one store (threads or service instances) count each comment once
/// (<see cref="IThemeCountSource.UpdateThemeCountsAsync"/>). Records <see cref="NpsTelemetry.ThemeCommentsMatched"/>
/// and <see cref="NpsTelemetry.ThemeCommentsPending"/>.
/// </summary>
public sealed class ThemeCountMatcher
{
    /// <summary>How many comments a page matches unless given: one store transaction, short enough not to hold writers up.</summary>
    public const int DefaultPageSize = 2_000;

    private readonly IThemeCountSource _source;

    /// <summary>Creates a matcher of a store's theme counts for one taxonomy.</summary>
    /// <param name="source">The store's theme counts.</param>
    /// <param name="taxonomy">The taxonomy the counts are kept for (the host's).</param>
    /// <param name="pageSize">How many comments one page matches (at least 1).</param>
    public ThemeCountMatcher(IThemeCountSource source, ThemeTaxonomy taxonomy, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _source = source;
        Taxonomy = taxonomy;
        PageSize = pageSize;
    }

    /// <summary>The taxonomy the counts are kept for.</summary>
    public ThemeTaxonomy Taxonomy { get; }

    /// <summary>How many comments one page matches.</summary>
    public int PageSize { get; }

    /// <summary>Matches one page (at most <see cref="PageSize"/> comments).</summary>
    /// <param name="cancellationToken">Cancels the page (what an earlier page committed stays).</param>
    /// <returns>What the page matched and what still waits.</returns>
    public async Task<ThemeCountUpdate> MatchPageAsync(CancellationToken cancellationToken = default)
    {
        var update = await _source.UpdateThemeCountsAsync(Taxonomy, PageSize, cancellationToken).ConfigureAwait(false);
        NpsTelemetry.ThemeCommentsMatchedPage(update.Matched, update.Pending);
        return update;
    }

    /// <summary>
    /// Matches pages until the counts are current, a page matches nothing, or
    /// <paramref name="maximumPages"/> pages are matched.
    /// </summary>
    /// <param name="maximumPages">The most pages (at least 1).</param>
    /// <param name="cancellationToken">Cancels between or inside pages (what was committed stays).</param>
    /// <returns>The comments matched by these pages in all, and what still waits after the last.</returns>
    public async Task<ThemeCountUpdate> CatchUpAsync(int maximumPages = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumPages, 1);
        var matched = 0L;
        var pages = 0;
        ThemeCountUpdate update;
        do
        {
            update = await MatchPageAsync(cancellationToken).ConfigureAwait(false);
            matched += update.Matched;
            pages++;
        }
        while (!update.IsCurrent && update.Matched > 0 && pages < maximumPages);

        return new ThemeCountUpdate((int)Math.Min(matched, int.MaxValue), update.Pending);
    }
}
