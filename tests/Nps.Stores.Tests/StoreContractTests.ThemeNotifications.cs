using Nps.Insights;
using Nps.Intake;

namespace Nps.Stores.Tests;

/// <summary>
/// Every store announces the comments it stores (<see cref="IThemeCountNotifications"/>), so a host's matcher runs
/// when there is work: once listening has begun, an add with a comment is announced, and cancelling ends the listening.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>Far beyond an announcement on a loaded machine; a bound for a failing test, never a speed target.</summary>
    private static readonly TimeSpan AnnouncementBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ThemeNotificationsListenAsync_CommentStoredAfterListening_AnnouncedAndCancelEnds()
    {
        var stores = await OpenAsync();
        var notifications = Assert.IsAssignableFrom<IThemeCountNotifications>(stores.Responses);

        // The counts hold the taxonomy, so the databases queue new comments for matching (what PostgreSQL announces).
        await new ThemeCountMatcher((IThemeCountSource)stores.Responses, ThemeTaxonomy.Default).CatchUpAsync(cancellationToken: Cancel);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var announced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var listen = notifications.ListenAsync(() => listening.TrySetResult(), () => announced.TrySetResult(), stop.Token);
        await listening.Task.WaitAsync(AnnouncementBound, Cancel);
        Assert.False(announced.Task.IsCompleted);

        var (_, added) = await stores.Responses.AddAsync(new StoredResponse { Response = Response("N1", rating: 9) with { Comment = "Snel geholpen" } }, null, null, Cancel);

        Assert.True(added);
        await announced.Task.WaitAsync(AnnouncementBound, Cancel);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen.WaitAsync(AnnouncementBound, Cancel));
    }
}
