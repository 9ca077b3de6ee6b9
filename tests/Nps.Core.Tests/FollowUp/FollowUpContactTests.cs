using System.Text.Json;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Sampling;
using Nps.Tests.Sampling;

namespace Nps.Tests.FollowUp;

/// <summary>Closing the loop never triggers a new survey: the follow-up call is marked for the survey program.</summary>
public sealed class FollowUpContactTests
{
    private static FollowUpCase OpenFollowUp()
    {
        var t = new FollowUpTestData();
        return t.Create(FollowUpTestData.Response("R1", 2)).FollowUp!;
    }

    [Fact]
    public void ToTouchpointEvent_FollowUp_FlaggedWithOwnerAndStableId()
    {
        var at = FollowUpTestData.Start.AddHours(2);
        var e = FollowUpContacts.ToTouchpointEvent(OpenFollowUp(), at, "phone");

        Assert.True(e.IsFollowUp);
        Assert.Equal("C1", e.CustomerId);
        Assert.Equal("fu-R1/contact", e.EventId);
        Assert.Equal(at, e.OccurredAt);
        Assert.Equal(FollowUpContacts.Touchpoint, e.Touchpoint);
        Assert.Equal("phone", e.Channel);
        Assert.Equal("billing", e.Team);
        Assert.Equal("agent-7", e.Agent);
    }

    [Fact]
    public void SurveyProgram_FollowUpContact_SuppressedByTheFollowUpRule()
    {
        var program = new TestProgram(TestProgram.InviteAll());
        var e = FollowUpContacts.ToTouchpointEvent(OpenFollowUp(), TestProgram.Start, "phone");

        var suppressed = Assert.IsType<SuppressDecision>(program.Decide(e));

        Assert.Equal(FatigueRuleNames.FollowUpContact, suppressed.Rule);
        Assert.Equal("the contact is a follow-up of earlier feedback (closing the loop)", suppressed.Reason);
        Assert.Equal(0, program.History("C1").Count); // no invitation recorded
    }

    [Fact]
    public void SurveyProgram_TouchpointAfterRecordedFollowUp_SuppressedByFollowUpCooldown()
    {
        var program = new TestProgram(TestProgram.InviteAll(o => o with { Fatigue = o.Fatigue with { Cooldowns = [.. o.Fatigue.Cooldowns, new CooldownOptions { After = CooldownTrigger.FollowUp, Days = 14 }] } }));
        TestProgram.Sync(program.Ledger.RecordAsync("C1", FollowUpContacts.ToLedgerRecord(TestProgram.Start), TestContext.Current.CancellationToken));

        program.Clock.Advance(TimeSpan.FromDays(3));
        var suppressed = Assert.IsType<SuppressDecision>(program.Decide(TestProgram.Event("C1")));

        Assert.Equal(FatigueRuleNames.CooldownAfterFollowUp, suppressed.Rule);
        Assert.Equal(TestProgram.Start.AddDays(14), suppressed.EligibleAgainAt);
    }

    [Fact]
    public void ToLedgerRecord_IsAFollowUpContactAtTheTime()
    {
        var record = FollowUpContacts.ToLedgerRecord(FollowUpTestData.Start);
        Assert.Equal(ContactKind.FollowUp, record.Kind);
        Assert.Equal(FollowUpTestData.Start, record.At);
    }

    [Fact]
    public void Serialize_FollowUp_CamelCaseWithStatusAsStringAndRoundTrips()
    {
        var followUp = OpenFollowUp();
        var json = JsonSerializer.Serialize(followUp, FollowUpJsonContext.Default.FollowUpCase);
        Assert.Contains("\"id\":\"fu-R1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Open\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Detractor\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rating\":2,", json, StringComparison.Ordinal);
        Assert.Equal(followUp, JsonSerializer.Deserialize(json, FollowUpJsonContext.Default.FollowUpCase));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("2.5")]
    [InlineData("\"7\"")]
    public void Deserialize_FollowUpWithBadRating_RefusedWithReason(string rating)
    {
        var json = JsonSerializer.Serialize(OpenFollowUp(), FollowUpJsonContext.Default.FollowUpCase).Replace("\"rating\":2", "\"rating\":" + rating, StringComparison.Ordinal);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, FollowUpJsonContext.Default.FollowUpCase));
        Assert.StartsWith("A rating must be a whole number from 0 to 10.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Policy_RoundTripsSlas()
    {
        var policy = new FollowUpPolicy { IncludePassives = true, CallbackSla = TimeSpan.FromHours(8) };
        var json = JsonSerializer.Serialize(policy, FollowUpJsonContext.Default.FollowUpPolicy);
        Assert.Equal("{\"includePassives\":true,\"detractorSla\":\"2.00:00:00\",\"callbackSla\":\"08:00:00\",\"passiveSla\":\"5.00:00:00\"}", json);
        Assert.Equal(policy, JsonSerializer.Deserialize(json, FollowUpJsonContext.Default.FollowUpPolicy));
    }

    [Fact]
    public void Store_StaleReplace_Refused()
    {
        var store = new InMemoryFollowUpStore();
        var original = OpenFollowUp();
        FollowUpTestData.Sync(store.AddIfAbsentAsync(original, TestContext.Current.CancellationToken));
        Assert.True(original.TryTransition(FollowUpStatus.Contacted, FollowUpTestData.Start, null, out var contacted, out _));
        Assert.True(original.TryTransition(FollowUpStatus.Closed, FollowUpTestData.Start, null, out var closed, out _));

        Assert.True(FollowUpTestData.Sync(store.TryReplaceAsync(original, contacted, TestContext.Current.CancellationToken)));
        Assert.False(FollowUpTestData.Sync(store.TryReplaceAsync(original, closed, TestContext.Current.CancellationToken))); // someone else moved it first
        Assert.Equal(contacted, FollowUpTestData.Sync(store.FindAsync("fu-R1", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void IdFor_BlankResponseId_Throws() =>
        Assert.Throws<ArgumentException>(() => FollowUpCase.IdFor(" "));
}
