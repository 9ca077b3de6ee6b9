using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Sampling;

/// <summary>A survey program on a fake clock and an in-memory ledger, for tests.</summary>
internal sealed class TestProgram
{
    public const string Key = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==";
    public const string OtherKey = "YW5vdGhlci10ZXN0LWtleS0wMTIzNDU2Nzg5YWJjZGVmZw==";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero); // a Monday

    public TestProgram(SurveyProgramOptions options, DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? Start);
        Ledger = new InMemoryContactLedger(Clock);
        Options = options;
        Program = new SurveyProgram(options, Ledger, Clock);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>
    /// A program whose clock starts a cycle before <see cref="Start"/>, where it sees each customer in a relational
    /// event, then moves to <see cref="Start"/>: from then on each of them is past their first relational slot.
    /// </summary>
    public static TestProgram SeenACycleBefore(SurveyProgramOptions options, params string[] customers)
    {
        var t = new TestProgram(options, Start.AddDays(-options.Sampling.RelationalCadence.CycleDays));
        foreach (var customer in customers) Assert.IsType<SuppressDecision>(t.Decide(customer, SurveyKind.Relational));
        t.Clock.SetUtcNow(Start);
        return t;
    }

    public InMemoryContactLedger Ledger { get; }

    public SurveyProgramOptions Options { get; }

    public SurveyProgram Program { get; }

    /// <summary>Options that invite every event, with no fatigue rules beyond the defaults.</summary>
    public static SurveyProgramOptions InviteAll(Func<SurveyProgramOptions, SurveyProgramOptions>? configure = null)
    {
        var options = new SurveyProgramOptions
        {
            SamplingKey = Key,
            Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1.0 }] },
        };
        return configure is null ? options : configure(options);
    }

    public static TouchpointEvent Event(string customer = "C1", string? eventId = null, SurveyKind kind = SurveyKind.Transactional) => new()
    {
        CustomerId = customer,
        EventId = eventId ?? Guid.NewGuid().ToString("N"),
        OccurredAt = Start,
        Kind = kind,
        Touchpoint = "support-call",
        Channel = "phone",
    };

    public SurveyDecision Decide(TouchpointEvent e) => Sync(Program.DecideAsync(e, TestContext.Current.CancellationToken));

    public SurveyDecision InviteManually(TouchpointEvent e, string requestedBy) =>
        Sync(Program.InviteManuallyAsync(e, requestedBy, TestContext.Current.CancellationToken));

    public SurveyDecision Decide(string customer = "C1", SurveyKind kind = SurveyKind.Transactional) => Decide(Event(customer, kind: kind));

    public void Record(string customer, ContactKind kind, DateTimeOffset? at = null, SurveyKind survey = SurveyKind.Transactional) =>
        Sync(Ledger.RecordAsync(customer, ContactRecord.Create(kind, at ?? Clock.GetUtcNow(), survey), TestContext.Current.CancellationToken));

    public ContactHistory History(string customer) => Sync(Ledger.GetHistoryAsync(customer, TestContext.Current.CancellationToken));

    public static T Sync<T>(ValueTask<T> task)
    {
        Assert.True(task.IsCompletedSuccessfully, "the in-memory ledger completes synchronously");
        return task.Result;
    }

    public static void Sync(ValueTask task) => Assert.True(task.IsCompletedSuccessfully);
}
