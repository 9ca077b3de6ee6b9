namespace Nps.Insights;

/// <summary>
/// An <see cref="IThemeCountSource"/> that tells when comments were stored, so a matcher (<see cref="ThemeCountMatcher"/>
/// in a host's background service) runs when there is work instead of on a timer, whoever stored them: the intake,
/// an import, a host's own code through the store, and on a server database another instance or SQL by hand.
/// </summary>
/// <remarks>
/// The in-process stores (in memory, SQLite) announce the comments their own <c>AddAsync</c> committed; PostgreSQL
/// announces every commented response queued for matching, by any writer, with <c>LISTEN</c>/<c>NOTIFY</c> on a
/// dedicated connection. Announcements are hints: one may stand for many comments, and one may come with nothing to
/// match. A matcher still runs now and then, for what no announcement covers (SQLite written by another process).
/// </remarks>
public interface IThemeCountNotifications
{
    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> is cancelled: calls <paramref name="listening"/> once every
    /// comment committed from then on will be announced (a matcher runs a pass then, for what came before), and
    /// <paramref name="commentsStored"/> after comments were committed. Both are called on the store's thread and
    /// must return at once.
    /// </summary>
    /// <param name="listening">Called once the listening began.</param>
    /// <param name="commentsStored">Called after comments were committed.</param>
    /// <param name="cancellationToken">Stops listening.</param>
    /// <returns>A task that ends in <see cref="OperationCanceledException"/> when cancelled, or faults when the listening broke
    /// (the database went away): comments may then go unannounced until the caller listens again.</returns>
    Task ListenAsync(Action listening, Action commentsStored, CancellationToken cancellationToken);
}
