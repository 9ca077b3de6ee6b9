using Nps.FollowUp;
using Nps.Samples.AspNet.Api;
using Nps.Samples.AspNet.Storage;

namespace Nps.Samples.AspNet.Hosting;

/// <summary>
/// At start, creates the follow-ups of responses stored without one (the process stopped between the two
/// writes). Stored data never stops the start: a row that cannot be repaired is logged and skipped.
/// </summary>
public static partial class FollowUpRepair
{
    /// <summary>Repairs what it can; returns how many rows it skipped.</summary>
    public static async Task<int> RepairFollowUpsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FollowUpRepair));
        var followUps = services.GetRequiredService<FollowUpService>();
        var skipped = 0;
        var responses = services.GetRequiredService<ResponseStore>().WithoutTheirFollowUpAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                StoredResponse response;
                try
                {
                    if (!await responses.MoveNextAsync()) break;
                    response = responses.Current;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A row that cannot be read ends the reader; what was repaired so far stays repaired.
                    LogUnreadable(logger, exception);
                    return skipped + 1;
                }

                try
                {
                    await followUps.CreateFromResponseAsync(response.ToSurveyResponse(), cancellationToken);
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException or OverflowException)
                {
                    skipped++;
                    LogSkipped(logger, response.ResponseId, exception);
                }
            }
        }
        finally
        {
            await responses.DisposeAsync();
        }

        return skipped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up repair skipped response '{ResponseId}': its follow-up cannot be created.")]
    private static partial void LogSkipped(ILogger logger, string responseId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up repair stopped at a stored response that cannot be read.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
