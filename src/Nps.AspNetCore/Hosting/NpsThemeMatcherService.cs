using Nps.Insights;
using Nps.Intake;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Keeps the store's theme counts current off the request path (<see cref="ThemeCountMatcher"/>): once start-up is
/// ready, a pass matches the comments not yet matched in pages of <see cref="ThemeCountMatcher.DefaultPageSize"/>
/// (each one store transaction), at most <see cref="PagesPerPass"/> pages before it looks at the stop token again;
/// then it waits for a wake-up or <see cref="Interval"/> at the latest. The store wakes it
/// (<see cref="IThemeCountNotifications"/>) whenever comments are stored, by any code of this process and, on
/// PostgreSQL, by any instance or SQL by hand; the interval is the fallback for what no store announces (SQLite written
/// by another process) and for the time the listening is broken. A failed pass, and a broken listening, is logged and
/// retried after a backoff from <see cref="FirstRetry"/> doubling to <see cref="LongestRetry"/>; listening again runs a
/// pass for what went unannounced. Any number of instances may run it over one store: the stores count each comment
/// once. Logs numbers only.
/// </summary>
internal sealed partial class NpsThemeMatcherService(
    IServiceProvider services, NpsStartup startup, NpsThemeMatching matching, TimeProvider clock, ILogger<NpsThemeMatcherService> logger)
    : BackgroundService
{
    /// <summary>The longest wait between passes without a wake-up.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The wait after the first failed pass.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after failed passes.</summary>
    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    /// <summary>The most pages one pass matches; the waiters of <see cref="NpsThemeMatching.WhenCurrentAsync"/> are answered between passes.</summary>
    public const int PagesPerPass = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!startup.IsReady)
        {
            return; // stopping, or start-up failed (the start-up service reports that and stops the host)
        }

        if (services.GetService<IResponseStore>() is not IThemeCountSource source)
        {
            LogNoThemeCounts(logger);
            while (!stoppingToken.IsCancellationRequested)
            {
                matching.NothingToMatch(matching.BeginPass());
                await matching.WaitAsync(matching.FallbackInterval, clock, stoppingToken);
            }

            return;
        }

        var listening = source is IThemeCountNotifications notifications ? ListenAsync(notifications, stoppingToken) : Task.CompletedTask;
        try
        {
            await MatchAsync(new ThemeCountMatcher(source, services.GetRequiredService<ThemeTaxonomy>()), stoppingToken);
        }
        finally
        {
            await listening; // ends when stopping; never faults (failures are logged and retried)
        }
    }

    /// <summary>Listens for stored comments while the service runs, waking the matcher; listens again after a backoff when the listening breaks.</summary>
    private async Task ListenAsync(IThemeCountNotifications notifications, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await notifications.ListenAsync(() =>
                {
                    matching.Wake(); // what was stored while nobody listened
                    LogListening(logger, failures > 0 ? LogLevel.Information : LogLevel.Debug, failures);
                    failures = 0;
                }, matching.Wake, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var wait = Backoff(failures);
                LogListenFailed(logger, exception, failures, (long)wait.TotalMilliseconds);
                if (!await PauseAsync(wait, stoppingToken)) return;
            }
        }
    }

    private async Task MatchAsync(ThemeCountMatcher matcher, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var waiters = matching.BeginPass();
            try
            {
                var update = await matcher.CatchUpAsync(PagesPerPass, stoppingToken);
                matching.PassEnded(waiters, update);
                if (update.Matched > 0) LogMatched(logger, update.Matched, update.Pending);
                if (failures > 0) LogRecovered(logger, failures);
                failures = 0;
                if (!update.IsCurrent && update.Matched > 0) continue; // more waits: no pause
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                matching.PassFailed(waiters);
                break;
            }
            catch (Exception exception)
            {
                // The store may be briefly unreachable; each page is all or nothing, and the next pass goes on.
                matching.PassFailed(waiters);
                failures++;
                var wait = Backoff(failures);
                LogFailed(logger, exception, failures, (long)wait.TotalMilliseconds);
                if (!await PauseAsync(wait, stoppingToken)) break;
                continue;
            }

            try
            {
                await matching.WaitAsync(matching.FallbackInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Waits out a backoff on the service's clock; false when the service stops meanwhile.</summary>
    private async Task<bool> PauseAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: <see cref="FirstRetry"/>, doubling up to <see cref="LongestRetry"/>.</summary>
    private static TimeSpan Backoff(int failures) => TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 20)));

    [LoggerMessage(EventId = 2300, EventName = "ThemeCommentsMatched", Level = LogLevel.Debug,
        Message = "Theme matcher: {Matched} comments matched, {Pending} still waiting.")]
    private static partial void LogMatched(ILogger logger, int matched, long pending);

    [LoggerMessage(EventId = 2301, EventName = "ThemeMatchFailed", Level = LogLevel.Warning,
        Message = "Theme matcher: a pass failed ({Failures} in a row); the next begins in {WaitMilliseconds} ms where it stopped.")]
    private static partial void LogFailed(ILogger logger, Exception exception, int failures, long waitMilliseconds);

    [LoggerMessage(EventId = 2302, EventName = "ThemeMatchRecovered", Level = LogLevel.Information,
        Message = "Theme matcher: a pass worked again after {Failures} failed.")]
    private static partial void LogRecovered(ILogger logger, int failures);

    [LoggerMessage(EventId = 2303, EventName = "ThemeMatcherWithoutThemeCounts", Level = LogLevel.Information,
        Message = "Theme matcher: the response store keeps no theme counts; nothing to match.")]
    private static partial void LogNoThemeCounts(ILogger logger);

    [LoggerMessage(EventId = 2304, EventName = "ThemeListenFailed", Level = LogLevel.Warning,
        Message = "Theme matcher: listening for stored comments failed ({Failures} in a row); it listens again in {WaitMilliseconds} ms, and passes still run at least once a minute.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, int failures, long waitMilliseconds);

    [LoggerMessage(EventId = 2305, EventName = "ThemeListening",
        Message = "Theme matcher: listening for stored comments (after {Failures} failed attempts); a pass runs for what came before.")]
    private static partial void LogListening(ILogger logger, LogLevel level, int failures);
}
