using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.FollowUp;

namespace Nps.Tests.FollowUp;

/// <summary>Mirrors the follow-ups code in docs/followups.md and checks the ledger too (tests/Nps.Readme.Tests runs the blocks themselves).</summary>
public sealed class ReadmeFollowUpsThemesExampleTests
{
    [Fact]
    public async Task ReadmeFollowUps_QueueInCode_OneClosedOneOverdue()
    {
        var console = new StringWriter(CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture));
        var ledger = new InMemoryContactLedger(clock);     // the survey program's contact ledger
        var followUps = new FollowUpService(new InMemoryFollowUpStore(), new FollowUpPolicy(), clock, ledger);

        await followUps.CreateFromResponseAsync(new SurveyResponse
        {
            ResponseId = "R1", RespondentId = "C1", Rating = NpsRating.From(3), Team = "billing", Agent = "anna",
            Comment = "Twee keer doorverbonden", RespondedAt = clock.GetUtcNow(),
        }, TestContext.Current.CancellationToken);
        await followUps.CreateFromResponseAsync(new SurveyResponse
        {
            ResponseId = "R2", RespondedAt = clock.GetUtcNow(), RespondentId = "C2", Rating = NpsRating.From(9),
            CallbackRequested = true, Team = "billing",
        }, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromHours(6));
        await followUps.MarkContactedAsync("fu-R1", "called back, apologised", TestContext.Current.CancellationToken);
        await followUps.CloseAsync("fu-R1", "credit note sent", TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromHours(20));                                      // R2's callback (due in 24 h) is late
        foreach (var late in await followUps.ListOverdueAsync(TestContext.Current.CancellationToken))
        {
            console.WriteLine($"{late.Id} for {late.CustomerId}: due {late.DueAt:u}, owner {late.OwnerTeam}");
        }

        var metrics = await followUps.GetMetricsAsync(TestContext.Current.CancellationToken);
        console.WriteLine($"detractors contacted {metrics.DetractorFollowUpShare:P0}, within SLA {metrics.WithinSlaShare:P0}, " +
                          $"breaches {metrics.SlaBreaches}, median to first contact {metrics.MedianTimeToFirstContact}");

        Assert.Equal(
            ["fu-R2 for C2: due 2026-03-03 09:00:00Z, owner billing", "detractors contacted 100 %, within SLA 50 %, breaches 1, median to first contact 06:00:00"],
            console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ContactKind.FollowUp, (await ledger.GetHistoryAsync("C1", TestContext.Current.CancellationToken)).Records.ToArray().Single().Kind);
    }
}
