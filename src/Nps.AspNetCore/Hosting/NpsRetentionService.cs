using Microsoft.Extensions.Options;
using Nps.Privacy;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Runs the <see cref="RetentionPass"/> every <see cref="NpsRetentionOptions.Interval"/> once start-up is ready, at
/// once again when a pass stopped at its batch limit; does nothing while <c>Nps:Retention</c> sets no keeping time.
/// Safe on any number of instances over one store: the deletes are idempotent. Logs counts only, never an id.
/// </summary>
internal sealed partial class NpsRetentionService(
    IServiceProvider services, NpsStartup startup, IOptions<NpsOptions> options, TimeProvider clock, ILogger<NpsRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nps = options.Value;
        var policy = nps.ToRetentionPolicy();
        if (!policy.IsEnabled)
        {
            LogOff(logger);
            return;
        }

        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!startup.IsReady)
        {
            return; // stopping, or start-up failed (the start-up service reports that and stops the host)
        }

        if (services.GetService<IRetentionStore>() is not { } store)
        {
            LogNoStore(logger);
            return;
        }

        var pass = new RetentionPass(store, policy, nps.Retention.BatchSize, timeProvider: clock);
        LogOn(logger, policy.Responses, policy.Contacts, nps.Retention.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var finished = true;
            try
            {
                var result = await pass.RunOnceAsync(stoppingToken);
                finished = result.Finished;
                if (result.Responses + result.Contacts > 0) LogPass(logger, result.Responses, result.Contacts, result.Finished);
                else LogNothingToRemove(logger); // hourly, so below Information
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store may be briefly unreachable; a batch is all or nothing, and the next pass goes on.
                LogFailed(logger, e);
            }

            if (!finished) continue; // more is waiting: no pause
            try
            {
                await Task.Delay(nps.Retention.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(EventId = 2200, EventName = "RetentionOff", Level = LogLevel.Information, Message = "Retention is off: Nps:Retention:Responses and Nps:Retention:Contacts are not set.")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(EventId = 2201, EventName = "RetentionWithoutStore", Level = LogLevel.Warning, Message = "Retention is configured but the stores registered no IRetentionStore; nothing is trimmed.")]
    private static partial void LogNoStore(ILogger logger);

    [LoggerMessage(EventId = 2202, EventName = "RetentionOn", Level = LogLevel.Information, Message = "Retention keeps responses for {Responses} and contacts for {Contacts}, checking every {Interval}.")]
    private static partial void LogOn(ILogger logger, TimeSpan? responses, TimeSpan? contacts, TimeSpan interval);

    [LoggerMessage(EventId = 2203, EventName = "RetentionPass", Level = LogLevel.Information, Message = "Retention pass: {Responses} responses and follow-ups, {Contacts} contact rows removed; finished: {Finished}.")]
    private static partial void LogPass(ILogger logger, long responses, long contacts, bool finished);

    [LoggerMessage(EventId = 2205, EventName = "RetentionPassEmpty", Level = LogLevel.Debug, Message = "Retention pass: nothing past its keeping time.")]
    private static partial void LogNothingToRemove(ILogger logger);

    [LoggerMessage(EventId = 2204, EventName = "RetentionFailed", Level = LogLevel.Error, Message = "A retention pass failed; the next pass goes on where it stopped.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
