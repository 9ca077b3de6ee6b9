using System.Data.Common;
using System.Net.Sockets;
using Nps.Intake;
using Nps.Sampling;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Opens the stores in the background, retrying with capped exponential backoff while the database is unreachable
/// (a store that is down at start is an outage to wait out, not a reason to crash), then loads <c>Nps:SeedFile</c>.
/// A failure that no retry can mend (a bad configuration) stops the host with the reason.
/// </summary>
internal sealed partial class NpsStartupService(
    IServiceProvider services, NpsStartup startup, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider clock, ILogger<NpsStartupService> logger) : BackgroundService
{
    /// <summary>The first wait after a failed attempt; doubled each time up to <see cref="MaxBackoff"/>.</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start: it must listen first
        try
        {
            await OpenAndSeedAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Not an outage but a fault (a bad configuration, a schema newer than this package): the host stops with the reason.
            LogFailed(logger, exception);
            startup.Fatal(exception);
            throw;
        }
    }

    private async Task OpenAndSeedAsync(CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                // Resolving the stores opens them (schema created or migrated); a failed factory is not cached, so the next attempt tries again.
                _ = services.GetRequiredService<IResponseStore>();
                _ = services.GetRequiredService<SurveyProgram>();
                break;
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The stores cannot be opened ({exception.GetType().Name}: {exception.Message}); retrying in {backoff.TotalSeconds:0.#} s.");
                startup.Failed(reason);
                LogStoreUnavailable(logger, attempt, backoff.TotalSeconds, exception.GetType().Name, exception.Message);
                await Task.Delay(backoff, clock, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        LogStoresOpen(logger, startup.FailedAttempts);
        startup.Stage("Loading Nps:SeedFile.");
        await SeedFile.SeedAsync(services, configuration, environment, stoppingToken);
        startup.Ready();
        LogReady(logger);
    }

    /// <summary>What waiting can mend: the database unreachable, refusing, timing out or restarting.</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        DbException or SocketException or TimeoutException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    [LoggerMessage(EventId = 2100, EventName = "StoreUnavailable", Level = LogLevel.Warning,
        Message = "Opening the stores failed (attempt {Attempt}, {ExceptionType}: {Reason}); retrying in {BackoffSeconds} s.")]
    private static partial void LogStoreUnavailable(ILogger logger, int attempt, double backoffSeconds, string exceptionType, string reason);

    [LoggerMessage(EventId = 2101, EventName = "StoresOpen", Level = LogLevel.Information,
        Message = "The stores are open (schema current) after {FailedAttempts} failed attempts.")]
    private static partial void LogStoresOpen(ILogger logger, int failedAttempts);

    [LoggerMessage(EventId = 2102, EventName = "Ready", Level = LogLevel.Information, Message = "Nps is ready.")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(EventId = 2103, EventName = "StartupFailed", Level = LogLevel.Critical, Message = "Start-up failed for good; the host stops.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
