using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Insights;

namespace Nps.Tests.FollowUp;

/// <summary>Mirrors the code in docs/readme/followups-themes.md: keep them in step.</summary>
public sealed class ReadmeFollowUpsThemesExampleTests
{
    [Fact]
    public void ReadmeThemes_FourComments_SpeedGoesWithLowerScores()
    {
        var console = new StringWriter(CultureInfo.InvariantCulture);
        SurveyResponse[] responses =
        [
            new() { ResponseId = "R1", Rating = NpsRating.From(3), Comment = "Lang moeten wachten, daarna doorverbonden",
                    RespondedAt = DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture) },
            new() { ResponseId = "R2", Rating = NpsRating.From(4), Comment = "I had to wait 40 minutes, not helpful",
                    RespondedAt = DateTimeOffset.Parse("2026-03-02T09:05:00Z", CultureInfo.InvariantCulture) },
            new() { ResponseId = "R3", Rating = NpsRating.From(10), Comment = "Héél vriendelijk geholpen!",
                    RespondedAt = DateTimeOffset.Parse("2026-03-02T09:10:00Z", CultureInfo.InvariantCulture) },
            new() { ResponseId = "R4", Rating = NpsRating.From(9), Comment = "Friendly and quick",
                    RespondedAt = DateTimeOffset.Parse("2026-03-02T09:15:00Z", CultureInfo.InvariantCulture) },
        ];

        var analysis = ThemeAnalysis.Analyze(responses, ThemeTaxonomy.Default);
        foreach (var theme in analysis.Themes.Where(t => !t.Mentions.IsEmpty))
        {
            var impact = theme.Impact is { } i
                ? $"impact {i.Difference:0.0} points, adjusted p {theme.AdjustedPValue:0.####}"
                : $"not tested ({theme.Mentions.Count} < {analysis.MinimumMentions} mentions)";
            console.WriteLine($"{theme.ThemeName}: {theme.Mentions}, {theme.NegatedMentions.Count} negated; {impact}");
        }

        const string comment = "Telefoonwachttijd te lang, en ze belde me niet terug";
        foreach (var mention in ThemeTaxonomy.Default.FindMentions(comment))
        {
            console.WriteLine($"{mention.Theme.Id}: '{mention.TextIn(comment)}'{(mention.IsNegated ? " (negated)" : "")}");
        }

        var lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["speed", "resolution", "friendliness", "transfer"], analysis.Themes.Where(t => !t.Mentions.IsEmpty).Select(t => t.ThemeId));
        Assert.Equal(
        [
            "Speed / waiting time: n=3 NPS=-33.3 (promoters 1, passives 0, detractors 2), 0 negated; not tested (3 < 10 mentions)",
            "Correct answer / resolution: n=1 NPS=100.0 (promoters 1, passives 0, detractors 0), 0 negated; not tested (1 < 10 mentions)",
            "Friendliness / empathy: n=3 NPS=33.3 (promoters 2, passives 0, detractors 1), 1 negated; not tested (3 < 10 mentions)",
            "Being transferred: n=1 NPS=-100.0 (promoters 0, passives 0, detractors 1), 0 negated; not tested (1 < 10 mentions)",
            "speed: 'Telefoonwachttijd'",
            "speed: 'te lang'",
            "follow-up: 'belde me niet terug' (negated)",
        ], lines);
    }

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
