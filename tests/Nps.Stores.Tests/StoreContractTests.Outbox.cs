using System.Collections.Concurrent;
using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;

namespace Nps.Stores.Tests;

/// <summary>The outbox dispatcher over each store: reminders, quiet hours, retries and failures, on the test clock.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Outbox_ReminderAfterDelay_SentOnceAfterTheDelay()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        var sender = new ScriptedSender();
        var outbox = Outbox(stores, program, sender);
        await program.DecideAsync(Event("C1", "E1"), Cancel);

        await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await outbox.RunOnceAsync(Cancel);
        Assert.Single(sender.Messages);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var reminder = await outbox.RunOnceAsync(Cancel);
        for (var day = 0; day < 10; day++)
        {
            Clock.Advance(TimeSpan.FromDays(1));
            await outbox.RunOnceAsync(Cancel);
        }

        Assert.Equal(new OutboxPassResult(1, 1, 0, 0), reminder);
        var id = SurveyInvitation.IdFor("C1", "E1");
        Assert.Equal([$"<{id}.invitation@survey.example.test>", $"<{id}.reminder-1@survey.example.test>"], sender.Messages.Select(m => m.MessageId));
        Assert.Equal(1, (await stores.Invitations.FindAsync(id, Cancel))!.Reminders);
    }

    [Fact]
    public async Task Outbox_AnsweredOrOptedOut_NoReminderWhileOthersGetOne()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        var sender = new ScriptedSender();
        var outbox = Outbox(stores, program, sender);
        foreach (var customer in new[] { "C1", "C2", "C3" }) await program.DecideAsync(Event(customer, "E1"), Cancel);
        await outbox.RunOnceAsync(Cancel);
        var answers = new SurveyAnswers(stores.Invitations,
            new ResponseIntake(stores.Responses, stores.Ledger, new FollowUpPolicy(), Clock, invitations: stores.Invitations), Clock);

        await answers.SubmitAsync(program.Tokens.Create(SurveyInvitation.IdFor("C1", "E1")), NpsRating.From(9), null, callbackRequested: false, cancellationToken: Cancel);
        await answers.UnsubscribeAsync(program.Tokens.Create(SurveyInvitation.IdFor("C2", "E1")), Cancel);
        Clock.Advance(TimeSpan.FromDays(4));
        await outbox.RunOnceAsync(Cancel);

        Assert.Equal(["C1@example.test", "C2@example.test", "C3@example.test", "C3@example.test"], sender.Messages.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Single(sender.Messages, m => m.MessageId.Contains(".reminder-1@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_ExpiredBeforeReminder_NoReminderAndStoredExpired()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        var sender = new ScriptedSender();
        var outbox = Outbox(stores, program, sender, new DeliveryOptions { TokenLifetime = TimeSpan.FromDays(2) });
        await program.DecideAsync(Event("C1", "E1"), Cancel);

        await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromDays(5));
        var pass = await outbox.RunOnceAsync(Cancel);

        Assert.Equal(new OutboxPassResult(0, 0, 0, 0) { Expired = 1 }, pass);
        Assert.Single(sender.Messages);
        Assert.Equal(InvitationStatus.Expired, (await stores.Invitations.FindByEventAsync("C1", "E1", Cancel))!.Status);
    }

    [Fact]
    public async Task Outbox_ReminderDueInQuietHours_SentAtTheNextAllowedTime()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        var sender = new ScriptedSender();
        var outbox = Outbox(stores, program, sender, new DeliveryOptions { ReminderAfter = TimeSpan.FromHours(84) }, new QuietHoursOptions());
        await program.DecideAsync(Event("C1", "E1"), Cancel); // Monday 10:00 UTC; the reminder falls due Thursday 22:00, inside 21:00-08:00

        await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromHours(84));
        var quiet = await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromHours(10) - TimeSpan.FromMinutes(1));
        var early = await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var allowed = await outbox.RunOnceAsync(Cancel);

        Assert.Equal((1, 0, 1), (quiet.Claimed, quiet.Sent, quiet.Deferred));
        Assert.Equal(0, early.Claimed);
        Assert.Equal(1, allowed.Sent);
        Assert.Equal(2, sender.Messages.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.Zero), sender.SentAt[^1]);
    }

    [Fact]
    public async Task Outbox_TransientThenPermanent_RetriedWithBackoffThenFailedWithReason()
    {
        var stores = await OpenAsync();
        var program = Program(stores);
        var sender = new ScriptedSender();
        sender.Script("C1@example.test", InvitationSendResult.Transient("421 busy"), InvitationSendResult.Transient("421 busy"));
        sender.Script("C2@example.test", InvitationSendResult.Permanent("the SMTP server replied 550 (recipient not accepted)"));
        var outbox = Outbox(stores, program, sender);
        await program.DecideAsync(Event("C1", "E1"), Cancel);
        await program.DecideAsync(Event("C2", "E1"), Cancel);

        var first = await outbox.RunOnceAsync(Cancel);
        var tooSoon = await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        var beforeDoubled = await outbox.RunOnceAsync(Cancel);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await outbox.RunOnceAsync(Cancel);

        Assert.Equal(new OutboxPassResult(2, 0, 1, 1), first);
        Assert.Equal((0, 0), (tooSoon.Claimed, beforeDoubled.Claimed));
        Assert.Equal(new OutboxPassResult(1, 0, 1, 0), second);
        Assert.Equal(new OutboxPassResult(1, 1, 0, 0), third);
        var delivered = await stores.Invitations.FindAsync(SurveyInvitation.IdFor("C1", "E1"), Cancel);
        var failed = await stores.Invitations.FindAsync(SurveyInvitation.IdFor("C2", "E1"), Cancel);
        Assert.Equal(InvitationStatus.Sent, delivered!.Status);
        Assert.Equal((InvitationStatus.Failed, "the SMTP server replied 550 (recipient not accepted)"), (failed!.Status, failed.FailureReason));
        Assert.Empty(await stores.Invitations.ClaimDueAsync(Clock.GetUtcNow().AddDays(1), 10, TimeSpan.FromMinutes(5), Cancel));
    }

    private OutboxDispatcher Outbox(StoreSet stores, Sampling.SurveyProgram program, ScriptedSender sender, DeliveryOptions? options = null,
        QuietHoursOptions? quietHours = null)
    {
        sender.Clock = Clock;
        return new OutboxDispatcher(stores.Invitations, stores.Ledger, new ExampleDirectory(), sender,
            new InvitationMessageRenderer(new InvitationMessageOptions { BaseUrl = new Uri("https://survey.example.test/"), OrganisationName = "Acme" }),
            program.Tokens, options ?? new DeliveryOptions(), quietHours, "UTC", Clock);
    }

    private sealed class ExampleDirectory : IRecipientDirectory
    {
        public ValueTask<Recipient?> FindAsync(string customerId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<Recipient?>(new Recipient($"{customerId}@example.test", "en"));
    }

    /// <summary>Records what it is handed; answers from a script per address first, then Sent.</summary>
    private sealed class ScriptedSender : IInvitationSender
    {
        private readonly ConcurrentDictionary<string, Queue<InvitationSendResult>> _scripts = new(StringComparer.Ordinal);

        public TimeProvider Clock { get; set; } = TimeProvider.System;

        public List<InvitationMessage> Messages { get; } = [];

        public List<DateTimeOffset> SentAt { get; } = [];

        public void Script(string address, params InvitationSendResult[] results) => _scripts[address] = new Queue<InvitationSendResult>(results);

        public ValueTask<InvitationSendResult> SendAsync(InvitationMessage message, CancellationToken cancellationToken = default)
        {
            if (_scripts.TryGetValue(message.To, out var script) && script.TryDequeue(out var result)) return ValueTask.FromResult(result);
            Messages.Add(message);
            SentAt.Add(Clock.GetUtcNow());
            return ValueTask.FromResult(InvitationSendResult.Sent);
        }
    }
}
