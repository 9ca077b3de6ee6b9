using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.FollowUp;

namespace Nps.Tests.FollowUp;

/// <summary>A follow-up service on a fake clock, an in-memory store and an in-memory contact ledger.</summary>
internal sealed class FollowUpTestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FollowUpTestData(FollowUpPolicy? policy = null)
    {
        Clock = new FakeTimeProvider(Start);
        Ledger = new InMemoryContactLedger(Clock);
        Service = new FollowUpService(Store, policy, Clock, Ledger);
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryFollowUpStore Store { get; } = new();

    public InMemoryContactLedger Ledger { get; }

    public FollowUpService Service { get; }

    public static SurveyResponse Response(string id, int rating, bool callback = false, string customer = "C1", DateTimeOffset? at = null) => new()
    {
        ResponseId = id,
        RespondentId = customer,
        Rating = NpsRating.From(rating),
        CallbackRequested = callback,
        Comment = "comment of " + id,
        RespondedAt = at ?? Start,
        Team = "billing",
        Agent = "agent-7",
    };

    public FollowUpCreationResult Create(SurveyResponse response) => Sync(Service.CreateFromResponseAsync(response, TestContext.Current.CancellationToken));

    public FollowUpTransitionResult Contact(string id, string? note = null) => Sync(Service.MarkContactedAsync(id, note, TestContext.Current.CancellationToken));

    public FollowUpTransitionResult Close(string id, string? outcome = null) => Sync(Service.CloseAsync(id, outcome, TestContext.Current.CancellationToken));

    public IReadOnlyList<FollowUpCase> List(FollowUpStatus? status = null) => Sync(Service.ListAsync(status, TestContext.Current.CancellationToken));

    public IReadOnlyList<FollowUpCase> Overdue() => Sync(Service.ListOverdueAsync(TestContext.Current.CancellationToken));

    public FollowUpMetrics Metrics() => Sync(Service.GetMetricsAsync(TestContext.Current.CancellationToken));

    public static T Sync<T>(ValueTask<T> task)
    {
        Assert.True(task.IsCompletedSuccessfully, "the in-memory store completes synchronously");
        return task.Result;
    }
}
