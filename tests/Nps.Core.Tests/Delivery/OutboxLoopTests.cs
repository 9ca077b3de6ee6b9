using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;
using Nps.Touchpoints;
using Nps.InMemory;

namespace Nps.Core.Tests.Delivery;

public sealed partial class OutboxLoopTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryContactLedger _ledger;
    private readonly InMemoryDecisionStore _decisions;
    private readonly InMemoryResponseStore _responses;
    private readonly SurveyProgram _program;
    private readonly RecordingSender _sender = new();

    public OutboxLoopTests()
    {
        _ledger = new InMemoryContactLedger(_clock);
        _decisions = new InMemoryDecisionStore(_ledger);
        _responses = new InMemoryResponseStore(_ledger, new InMemoryFollowUpStore(), _decisions.Invitations);
        _program = new SurveyProgram(new SurveyProgramOptions
        {
            SamplingKey = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==",
            Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1.0 }] },
        }, _decisions, _clock);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private OutboxDispatcher Dispatcher(IRecipientDirectory? directory = null, QuietHoursOptions? quiet = null) => new(
        _decisions.Invitations, _ledger, directory ?? new Directory(), _sender,
        new InvitationMessageRenderer(new InvitationMessageOptions { BaseUrl = new Uri("https://survey.example.test/"), OrganisationName = "Acme" }),
        _program.Tokens, new DeliveryOptions(), quiet, "Europe/Amsterdam", _clock);

    private SurveyAnswers Answers() =>
        new(_decisions.Invitations, new ResponseIntake(_responses, _ledger, new FollowUpPolicy(), _clock, invitations: _decisions.Invitations), _clock);

    private static TouchpointEvent Event(string customer, string id) => new()
    {
        CustomerId = customer, EventId = id, OccurredAt = Start, Team = "north", Agent = "a1", Channel = "phone", TimeZoneId = "Europe/Amsterdam",
    };

    [Fact]
    public async Task RunOnce_InvitedEvent_SendsDutchMessageWithScoreLinksHeadersAndStableMessageId()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);

        var pass = await Dispatcher().RunOnceAsync(Cancel);

        Assert.Equal(new OutboxPassResult(1, 1, 0, 0), pass);
        var message = Assert.Single(_sender.Messages);
        var id = SurveyInvitation.IdFor("C1", "E1");
        var token = _program.Tokens.Create(id);
        Assert.Equal($"<{id}.invitation@survey.example.test>", message.MessageId);
        Assert.Equal(("C1@example.test", "nl"), (message.To, message.Locale));
        for (var n = 0; n <= 10; n++) Assert.Contains($"https://survey.example.test/s/{token}?score={n}", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(11, ScoreLink().Matches(message.HtmlBody).Count);
        Assert.Equal($"<https://survey.example.test/s/{token}/unsubscribe>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(SurveyTokens.TokenLength, token.Length);
        Assert.DoesNotContain(token, Convert.ToHexString((await _decisions.Invitations.FindAsync(id, Cancel))!.TokenHash.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_ThroughToken_BoundOnceThenAlreadyAnswered()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        await Dispatcher().RunOnceAsync(Cancel);
        var token = _program.Tokens.Create(SurveyInvitation.IdFor("C1", "E1"));
        var answers = Answers();

        var looked = await answers.LookupAsync(token, Cancel);
        var first = await answers.SubmitAsync(token, NpsRating.From(4), "slow", callbackRequested: true, Cancel);
        var second = await answers.SubmitAsync(token, NpsRating.From(10), null, callbackRequested: false, Cancel);

        Assert.Equal(SurveyTokenState.Open, looked.State);
        Assert.Equal(ResponseIntakeOutcome.Created, first.Intake!.Outcome);
        var stored = first.Intake.Stored!.Response;
        Assert.Equal(("C1", "north", "a1", 1.0, ResponseProvenance.Solicited, 4), (stored.RespondentId, stored.Team, stored.Agent, stored.InclusionProbability, stored.Provenance, stored.Rating.Value));
        Assert.NotNull(first.Intake.Stored.FollowUpId);
        Assert.Equal(SurveyTokenState.Answered, second.State);
        Assert.Equal(1, _responses.Count);
    }

    [Fact]
    public async Task LookupAsync_UnknownTamperedExpired_StatesAndNothingStored()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        await Dispatcher().RunOnceAsync(Cancel);
        var token = _program.Tokens.Create(SurveyInvitation.IdFor("C1", "E1"));
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        var answers = Answers();

        Assert.Equal(SurveyTokenState.Unknown, (await answers.SubmitAsync(tampered, NpsRating.From(9), null, false, Cancel)).State);
        Assert.Equal(SurveyTokenState.Unknown, (await answers.LookupAsync("short", Cancel)).State);
        _clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(SurveyTokenState.Expired, (await answers.SubmitAsync(token, NpsRating.From(9), null, false, Cancel)).State);
        Assert.Equal(0, _responses.Count);
    }

    [Fact]
    public async Task RunOnce_ReminderAfterThreeDays_OnceAndNeverAfterAnswer()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        await _program.DecideAsync(Event("C2", "E1"), Cancel);
        var dispatcher = Dispatcher();
        await dispatcher.RunOnceAsync(Cancel);
        await Answers().SubmitAsync(_program.Tokens.Create(SurveyInvitation.IdFor("C2", "E1")), NpsRating.From(9), null, false, Cancel);

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, (await dispatcher.RunOnceAsync(Cancel)).Sent);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await dispatcher.RunOnceAsync(Cancel)).Sent);
        _clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, (await dispatcher.RunOnceAsync(Cancel)).Sent);

        var reminder = _sender.Messages[^1];
        Assert.Equal($"<{SurveyInvitation.IdFor("C1", "E1")}.reminder-1@survey.example.test>", reminder.MessageId);
        Assert.StartsWith("Herinnering", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains(ContactKind.Reminder, (await _ledger.GetHistoryAsync("C1", Cancel)).Records.ToArray().Select(r => r.Kind));
    }

    [Fact]
    public async Task RunOnce_ReminderInQuietHours_WaitsForAllowedTime()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        var dispatcher = Dispatcher(quiet: new QuietHoursOptions { Start = new TimeOnly(21, 0), End = new TimeOnly(8, 0) });
        await dispatcher.RunOnceAsync(Cancel);

        _clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(12)); // 22:00 UTC = 23:00 in Amsterdam
        Assert.Equal(new OutboxPassResult(1, 0, 1, 0), await dispatcher.RunOnceAsync(Cancel));
        _clock.Advance(TimeSpan.FromHours(9)); // 08:00 in Amsterdam
        Assert.Equal(1, (await dispatcher.RunOnceAsync(Cancel)).Sent);
    }

    [Fact]
    public async Task Unsubscribe_ThenReminderAndNextTouchpoint_SuppressedOptedOut()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        var dispatcher = Dispatcher();
        await dispatcher.RunOnceAsync(Cancel);

        await Answers().UnsubscribeAsync(_program.Tokens.Create(SurveyInvitation.IdFor("C1", "E1")), Cancel);
        _clock.Advance(TimeSpan.FromDays(4));

        Assert.Equal(0, (await dispatcher.RunOnceAsync(Cancel)).Claimed);
        Assert.Equal(FatigueRuleNames.OptedOut, Assert.IsType<SuppressDecision>(await _program.DecideAsync(Event("C1", "E2"), Cancel)).Rule);
    }

    [Fact]
    public async Task RunOnce_TransientThenPermanentAndNoAddress_RetriedThenFailedWithReason()
    {
        await _program.DecideAsync(Event("C1", "E1"), Cancel);
        await _program.DecideAsync(Event("nobody", "E1"), Cancel);
        _sender.Next.Enqueue(InvitationSendResult.Transient("421 try later"));
        _sender.Next.Enqueue(InvitationSendResult.Permanent("550 no such user"));
        var dispatcher = Dispatcher();

        var first = await dispatcher.RunOnceAsync(Cancel);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await dispatcher.RunOnceAsync(Cancel);

        Assert.Equal(new OutboxPassResult(2, 0, 1, 1), first);
        Assert.Equal(new OutboxPassResult(1, 0, 0, 1), second);
        var failed = await _decisions.Invitations.FindAsync(SurveyInvitation.IdFor("C1", "E1"), Cancel);
        Assert.Equal((InvitationStatus.Failed, "550 no such user"), (failed!.Status, failed.FailureReason));
        Assert.Equal(InvitationStatus.Failed, (await _decisions.Invitations.FindAsync(SurveyInvitation.IdFor("nobody", "E1"), Cancel))!.Status);
        Assert.Equal(2, _sender.Messages.Count);
        Assert.Equal((_sender.Messages[0].MessageId, _sender.Messages[0].HtmlBody, _sender.Messages[0].TextBody), (_sender.Messages[1].MessageId, _sender.Messages[1].HtmlBody, _sender.Messages[1].TextBody));
    }

    [GeneratedRegex(@"href=""[^""]+\?score=\d+""")]
    private static partial Regex ScoreLink();

    private sealed class Directory : IRecipientDirectory
    {
        public ValueTask<Recipient?> FindAsync(string customerId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(customerId == "nobody" ? null : new Recipient(customerId + "@example.test", "nl-NL"));
    }

    private sealed class RecordingSender : IInvitationSender
    {
        public List<InvitationMessage> Messages { get; } = [];

        public ConcurrentQueue<InvitationSendResult> Next { get; } = new();

        public ValueTask<InvitationSendResult> SendAsync(InvitationMessage message, CancellationToken cancellationToken = default)
        {
            Messages.Add(message);
            return ValueTask.FromResult(Next.TryDequeue(out var result) ? result : InvitationSendResult.Sent);
        }
    }
}
