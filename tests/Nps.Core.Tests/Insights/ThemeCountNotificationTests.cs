using Nps.Fatigue;
using Nps.FollowUp;
using Nps.InMemory;
using Nps.Insights;
using Nps.Intake;

namespace Nps.Tests.Insights;

/// <summary>The in-memory store announces exactly the adds that stored a comment, to every listener, until each stops.</summary>
public sealed class ThemeCountNotificationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListenAsync_InMemoryAdds_AnnouncesOnlyStoredCommentsToEachListenerUntilStopped()
    {
        var store = new InMemoryResponseStore(new InMemoryContactLedger(TimeProvider.System), new InMemoryFollowUpStore());
        var (first, second) = (0, 0);
        using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(Token);
        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var listened = 0;
        var firstListen = store.ListenAsync(() => listened++, () => first++, stopFirst.Token);
        var secondListen = store.ListenAsync(() => listened++, () => second++, stopSecond.Token);
        Assert.Equal(2, listened); // in process, listening begins at once

        await store.AddAsync(Stored("R1", "Snel geholpen"), null, null, Token);
        await store.AddAsync(Stored("R1", "Snel geholpen"), null, null, Token); // stored already: nothing new
        await store.AddAsync(Stored("R2", null), null, null, Token); // no comment
        await store.AddAsync(Stored("R3", ""), null, null, Token);
        Assert.Equal((1, 1), (first, second));

        await stopFirst.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstListen);
        await store.AddAsync(Stored("R4", "Te lang gewacht"), null, null, Token);
        Assert.Equal((1, 2), (first, second));

        await stopSecond.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => secondListen);
    }

    private static StoredResponse Stored(string id, string? comment) => new()
    {
        Response = new SurveyResponse
        {
            ResponseId = id, RespondentId = "C-" + id, Rating = NpsRating.From(9), RespondedAt = new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero),
            Comment = comment,
        },
    };
}
