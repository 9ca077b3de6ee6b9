using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Serialization;
using Nps.Touchpoints;

namespace Nps.Tests.Sampling;

/// <summary>Mirrors the code in docs/sampling.md: keep them in step.</summary>
public sealed class ReadmeSamplingExampleTests
{
    [Fact]
    public async Task ReadmeExample_ConfiguredInCode_DefersAStoreVisitToMorningInTheCustomersZone()
    {
        var options = new SurveyProgramOptions
        {
            SamplingKey = "bnBzLWNvcmUtcmVhZG1lLWtleS0wMTIzNDU2Nzg5YWI=", // a secret: load it from your secret store
            DefaultTimeZone = "Europe/Amsterdam",
            Fatigue = new()
            {
                Cooldowns =
                [
                    new CooldownOptions { After = CooldownTrigger.Invitation, Days = 30 },
                    new CooldownOptions { After = CooldownTrigger.Response, Days = 90 },
                ],
                FrequencyCaps = [new FrequencyCapOptions { MaxInvitations = 4, WindowDays = 365 }],
                NewCustomerDelay = new NewCustomerDelayOptions { Days = 30 },
                Exclusions = new() { EmailDomains = ["ourcompany.com"] },
                QuietHours = new QuietHoursOptions
                {
                    Start = new TimeOnly(20, 0),
                    End = new TimeOnly(9, 0),
                    AllowedDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
                },
                ContactBudget = new ContactBudgetOptions { MaxContacts = 4, WindowDays = 365, ReservedForRelational = 1 },
            },
            Sampling = new()
            {
                Policies =
                [
                    // Specific strata first: every store visit, 10 % of calls, the relational base once a year.
                    new SamplingPolicyOptions { Name = "store", Rate = 1.0, Scope = new() { Channel = "store" } },
                    new SamplingPolicyOptions { Name = "relational", Rate = 1.0, Scope = new() { Kind = SurveyKind.Relational } },
                    new SamplingPolicyOptions { Name = "default", Rate = 0.1, Quota = new QuotaOptions { MaxInvitations = 5_000, PeriodDays = 7 } },
                ],
                RelationalCadence = new() { CycleDays = 365 },
            },
        };

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        var ledger = new InMemoryContactLedger(clock);
        var program = new SurveyProgram(options, ledger, clock); // throws SurveyProgramConfigurationException if invalid

        var decision = await program.DecideAsync(new TouchpointEvent
        {
            CustomerId = "C-1042",
            EventId = "visit-88121",
            OccurredAt = clock.GetUtcNow(),
            Touchpoint = "visit",
            Channel = "store",
            TimeZoneId = "America/New_York", // 05:00 there: quiet
        }, TestContext.Current.CancellationToken);

        var summary = decision switch
        {
            InviteDecision invite => $"invite at {invite.SendAt:O} (p = {invite.InclusionProbability})",
            DeferDecision defer => $"defer to {defer.SendAt:O}: {defer.Rule}, {defer.Reason}",
            SuppressDecision suppress => $"suppress: {suppress.Rule}, {suppress.Reason}",
            _ => throw new InvalidOperationException(),
        };

        var json = NpsJson.Serialize(SurveyDecisionDocument.From(decision)); // "outcome": "defer", "rule": "quiet-hours", ...

        await ledger.RecordAsync("C-1042", ContactRecord.Create(ContactKind.Response, clock.GetUtcNow()), TestContext.Current.CancellationToken);

        var sample = program.Sampler.SelectFixedSize(["C-1", "C-2", "C-3", "C-4"], 2, "relational-2026");

        Assert.StartsWith("defer to 2026-03-02T14:00:00.0000000+00:00: quiet-hours, 20:00–09:00 is quiet in America/New_York; ", summary, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"outcome\": \"defer\",", json, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"quiet-hours\",", json, StringComparison.Ordinal);
        Assert.Equal(2, sample.CustomerIds.Count);
        Assert.Equal(0.5, sample.InclusionProbability);
        Assert.Equal(2, (await ledger.GetHistoryAsync("C-1042", TestContext.Current.CancellationToken)).Count);
    }
}
