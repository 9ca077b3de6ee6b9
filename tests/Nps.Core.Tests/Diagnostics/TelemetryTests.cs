using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Nps.Diagnostics;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Touchpoints;
using Nps.InMemory;

namespace Nps.Core.Tests.Diagnostics;

/// <summary>
/// The documented instruments of the <c>Nps</c> meter and activity source, read as an exporter would (a
/// <see cref="MeterListener"/> and an <see cref="ActivityListener"/>). Other tests record to the same meter at the
/// same time, so each assertion looks for this test's own measurement (its tags) rather than counting all.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly MeterListener meters = new();
    private readonly ActivityListener activities;
    private readonly ConcurrentQueue<(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags)> measured = new();
    private readonly ConcurrentQueue<Activity> stopped = new();

    public TelemetryTests()
    {
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NpsTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        meters.Start();
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NpsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        meters.Dispose();
        activities.Dispose();
    }

    [Fact]
    public async Task DecideAsync_InviteAndSuppress_CountedInNpsDecisionsByOutcomeAndRule()
    {
        var clock = new FakeTimeProvider(Start);
        var ledger = new InMemoryContactLedger(clock);
        var program = new SurveyProgram(new SurveyProgramOptions
        {
            SamplingKey = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==",
            Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "telemetry-all", Rate = 1.0 }] },
        }, new InMemoryDecisionStore(ledger), clock);

        var invite = await program.DecideAsync(Event("C1", "E1"), Cancel);
        var suppress = await program.DecideAsync(Event("", "E2"), Cancel);

        Assert.IsType<InviteDecision>(invite);
        var rule = Assert.IsType<SuppressDecision>(suppress).Rule;
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.Decisions, Unit: "{decision}", Value: 1 } &&
            Tag(m.Tags, NpsTelemetry.OutcomeTag) == "invite" && Tag(m.Tags, NpsTelemetry.ReasonTag) == "telemetry-all");
        Assert.Contains(measured, m => m.Instrument == NpsTelemetry.Decisions &&
            Tag(m.Tags, NpsTelemetry.OutcomeTag) == "suppress" && Tag(m.Tags, NpsTelemetry.ReasonTag) == rule);
        Assert.DoesNotContain(measured, m => m.Tags.Values.Any(v => v is "C1" or "E1")); // never the customer or the event
    }

    [Fact]
    public async Task SubmitAsync_DetractorWithRespondent_CountsTheResponseAndTheFollowUpOpened_CloseCountsClosed()
    {
        var clock = new FakeTimeProvider(Start);
        var ledger = new InMemoryContactLedger(clock);
        var followUps = new InMemoryFollowUpStore();
        var intake = new ResponseIntake(new InMemoryResponseStore(ledger, followUps), ledger, new FollowUpPolicy(), clock);
        var service = new FollowUpService(followUps, new FollowUpPolicy(), clock, ledger);

        var result = await intake.SubmitAsync(new SurveyResponse
        {
            ResponseId = "telemetry-R1", RespondentId = "telemetry-C1", Rating = NpsRating.From(2), RespondedAt = Start.AddHours(-1), InclusionProbability = 1,
        }, Cancel);
        clock.Advance(TimeSpan.FromDays(5));
        var overdue = await service.ListOverdueAsync(Cancel);
        var closed = await service.CloseAsync(result.Stored!.FollowUpId!, "called back", Cancel);

        Assert.Equal(ResponseIntakeOutcome.Created, result.Outcome);
        Assert.True(closed.Succeeded);
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.Responses, Unit: "{response}" } &&
            Tag(m.Tags, NpsTelemetry.CategoryTag) == "detractor" && Tag(m.Tags, NpsTelemetry.ProvenanceTag) == result.Stored!.Response.Provenance.ToString().ToLowerInvariant());
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.FollowUpsOpened, Unit: "{follow_up}" } && Tag(m.Tags, NpsTelemetry.FollowUpReasonTag) == "detractor");
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.FollowUpsOverdue, Unit: "{follow_up}" } && m.Value == overdue.Count);
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.FollowUpsClosed, Value: 1 });
    }

    [Fact]
    public async Task MeasureReportAsync_Build_ActivityAndDurationInSecondsTaggedWithTheReport()
    {
        var answer = await NpsTelemetry.MeasureReportAsync("telemetry-report", _ => Task.FromResult(42), Cancel);

        Assert.Equal(42, answer);
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.ReportDuration, Unit: "s" } && m.Value >= 0 && Tag(m.Tags, NpsTelemetry.ReportTag) == "telemetry-report");
        Assert.Contains(stopped, a => a.OperationName == NpsTelemetry.ReportActivity && (string?)a.GetTagItem(NpsTelemetry.ReportTag) == "telemetry-report");
    }

    [Fact]
    public void StartStoreOperation_Disposed_ActivityAndDurationWithDbSystemAndOperation()
    {
        using (var operation = NpsTelemetry.StartStoreOperation("telemetry-db"))
        {
            operation.Failed(new TimeoutException("not recorded"));
        }

        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.StoreOperationDuration, Unit: "s" } &&
            Tag(m.Tags, NpsTelemetry.DbSystemTag) == "telemetry-db" && Tag(m.Tags, NpsTelemetry.DbOperationTag) == nameof(StartStoreOperation_Disposed_ActivityAndDurationWithDbSystemAndOperation));
        var activity = Assert.Single(stopped, a => a.OperationName == NpsTelemetry.StoreActivity && (string?)a.GetTagItem(NpsTelemetry.DbSystemTag) == "telemetry-db");
        Assert.Equal((ActivityStatusCode.Error, "TimeoutException"), (activity.Status, activity.StatusDescription));
        Assert.Equal(ActivityKind.Client, activity.Kind);
    }

    [Fact]
    public async Task ThemeCountMatcher_Page_CountsMatchedCommentsAndRecordsTheBacklog()
    {
        var store = new InMemoryResponseStore(new InMemoryContactLedger(new FakeTimeProvider(Start)), new InMemoryFollowUpStore());
        foreach (var (id, comment) in new[] { ("T1", "Snel geholpen"), ("T2", "Te lang gewacht"), ("T3", "Vriendelijk"), ("T4", null) })
        {
            var response = new SurveyResponse { ResponseId = id, RespondentId = "c-" + id, Rating = NpsRating.From(9), RespondedAt = Start, Comment = comment };
            await store.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        }

        var first = await new Insights.ThemeCountMatcher(store, Insights.ThemeTaxonomy.Default, pageSize: 2).MatchPageAsync(Cancel);

        Assert.Equal(new Insights.ThemeCountUpdate(2, 1), first);
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.ThemeCommentsMatched, Unit: "{comment}", Value: 2 });
        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.ThemeCommentsPending, Unit: "{comment}", Value: 1 });
    }

    [Fact]
    public void InvitationBounced_Complaint_CountedWithTheComplaintTag()
    {
        NpsTelemetry.InvitationBounced(complaint: true);

        Assert.Contains(measured, m => m is { Instrument: NpsTelemetry.InvitationsBounced, Unit: "{invitation}", Value: 1 } && m.Tags[NpsTelemetry.ComplaintTag] is true);
    }

    private static TouchpointEvent Event(string customer, string id) => new() { CustomerId = customer, EventId = id, OccurredAt = Start, Team = "north" };

    private static string? Tag(Dictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value as string : null;

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        measured.Enqueue((instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
