using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.InMemory;
using Nps.Intake;
using Nps.Privacy;
using Nps.Sampling;
using Nps.Tests.Sampling;

namespace Nps.Tests.Privacy;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 15, 30, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Cutoffs_NothingSet_NoneAndDisabled()
    {
        var policy = new RetentionPolicy { LookBack = TimeSpan.FromDays(90) };

        Assert.False(policy.IsEnabled);
        Assert.Null(policy.ResponsesCutoff(Now));
        Assert.Null(policy.ContactsCutoff(Now));
    }

    [Fact]
    public void Cutoffs_Set_UtcMidnightAtOrBeforeNowLessTheKeepingTime()
    {
        var policy = new RetentionPolicy { Responses = TimeSpan.FromDays(30), Contacts = TimeSpan.FromDays(400), LookBack = TimeSpan.FromDays(90) };

        Assert.Equal(new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero), policy.ResponsesCutoff(Now));
        Assert.Equal(new DateTimeOffset(2025, 5, 6, 0, 0, 0, TimeSpan.Zero), policy.ContactsCutoff(Now));
    }

    [Fact]
    public void ContactsCutoff_ShorterThanTheLookBack_NeverInsideTheLookBack()
    {
        var policy = new RetentionPolicy { Contacts = TimeSpan.FromDays(7), LookBack = TimeSpan.FromDays(90) };

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), policy.ContactsCutoff(Now));
    }

    [Fact]
    public void SurveyProgramLookBackOf_Rules_TheLongestWindowIncludingTheNewCustomerDelay()
    {
        var options = new SurveyProgramOptions
        {
            Fatigue = new()
            {
                Cooldowns = [new CooldownOptions { After = CooldownTrigger.Response, Days = 90 }],
                FrequencyCaps = [new FrequencyCapOptions { MaxInvitations = 2, WindowDays = 30 }],
            },
        };

        Assert.Equal(TimeSpan.FromDays(Math.Max(90, options.Sampling.RelationalCadence.CycleDays)), SurveyProgram.LookBackOf(options));
        options = options with { Fatigue = options.Fatigue with { NewCustomerDelay = new NewCustomerDelayOptions { Days = 1000 } } };
        Assert.Equal(TimeSpan.FromDays(1000), SurveyProgram.LookBackOf(options));
    }

    [Fact]
    public async Task RunOnceAsync_BacklogLargerThanItsBatches_StopsUnfinishedAndTheNextPassGoesOn()
    {
        var clock = new FakeTimeProvider(TestProgram.Start);
        var ledger = new InMemoryContactLedger(clock);
        var followUps = new InMemoryFollowUpStore();
        var decisions = new InMemoryDecisionStore(ledger);
        var responses = new InMemoryResponseStore(ledger, followUps, decisions.Invitations);
        var intake = new ResponseIntake(responses, ledger, new FollowUpPolicy(), clock);
        for (var i = 0; i < 7; i++)
        {
            var response = new SurveyResponse { ResponseId = $"R{i}", RespondentId = $"C{i}", Rating = NpsRating.From(9), RespondedAt = TestProgram.Start.AddDays(-60) };
            Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(response, TestContext.Current.CancellationToken)).Outcome);
        }

        var pass = new RetentionPass(new InMemoryRetentionStore(ledger, decisions, responses, followUps),
            new RetentionPolicy { Responses = TimeSpan.FromDays(30) }, batchSize: 2, maxBatches: 2, timeProvider: clock);

        Assert.Equal(new RetentionPassResult(4, 0, Finished: false), await pass.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new RetentionPassResult(3, 0, Finished: true), await pass.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, responses.Count);
    }

    [Fact]
    public void Constructor_BadBatches_Throw()
    {
        var store = new InMemoryRetentionStore(new InMemoryContactLedger(TimeProvider.System), new InMemoryDecisionStore(new InMemoryContactLedger(TimeProvider.System)),
            new InMemoryResponseStore(new InMemoryContactLedger(TimeProvider.System), new InMemoryFollowUpStore()), new InMemoryFollowUpStore());

        Assert.Throws<ArgumentOutOfRangeException>("batchSize", () => new RetentionPass(store, new RetentionPolicy(), batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>("maxBatches", () => new RetentionPass(store, new RetentionPolicy(), maxBatches: 0));
    }
}
