using System.Globalization;
using System.Net;
using System.Text;
using Nps.Samples.Tests.AspNet;

namespace Nps.Samples.Tests.Delivery;

/// <summary>
/// The web sample as a real child process, killed with SIGKILL while its outbox is mid-batch, then restarted: every
/// invitation reaches the sink, and a resend is the same message (same Message-ID, same subject and parts).
/// </summary>
public sealed class OutboxKillTests
{
    private const int Invitations = 300;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillDashNine_MidBatch_RestartSendsEveryInvitationAndResendsAreIdentical()
    {
        using var database = new TempDatabase();
        await using var sink = await SmtpSink.StartAsync(Token);

        // The invitations, decided with delivery off (no SMTP host).
        using (var decider = SampleProcess.Start(Environment(database.Path, smtpPort: null), "--urls", "http://127.0.0.1:0"))
        {
            using var client = new HttpClient { BaseAddress = await decider.ListeningAsync(Token) };
            client.DefaultRequestHeaders.Add("X-Api-Key", "survey-dev-key");
            for (var i = 0; i < Invitations; i++)
            {
                using var post = await client.PostAsync(new Uri("/api/touchpoints", UriKind.Relative),
                    new StringContent(Api.Touchpoint($"K{i}", "E1"), Encoding.UTF8, "application/json"), Token);
                Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            }
        }

        using (var sender = SampleProcess.Start(Environment(database.Path, sink.Port), "--urls", "http://127.0.0.1:0"))
        {
            await sender.ListeningAsync(Token);
            await sink.WaitForAsync(60, TimeSpan.FromSeconds(120), Token);
            sender.Process.Kill(); // SIGKILL, mid-batch: batches of 50
            await sender.Process.WaitForExitAsync(Token);
        }

        var atKill = sink.Messages.Count;
        using var restarted = SampleProcess.Start(Environment(database.Path, sink.Port), "--urls", "http://127.0.0.1:0");
        await restarted.ListeningAsync(Token);
        await WaitForDistinctAsync(sink, Invitations);

        var messages = sink.Messages;
        TestContext.Current.TestOutputHelper?.WriteLine($"{atKill} messages before the kill, {messages.Count} in all for {Invitations} invitations");
        Assert.InRange(atKill, 60, Invitations - 1);
        Assert.Equal(Enumerable.Range(0, Invitations).Select(i => $"K{i}@example.test").Order(StringComparer.Ordinal),
            messages.Select(m => m.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var same in messages.GroupBy(m => m.MessageId, StringComparer.Ordinal))
        {
            var first = same.First();
            Assert.All(same, m => Assert.Equal((first.To, first.Subject, first.Text, first.Html), (m.To, m.Subject, m.Text, m.Html)));
        }

        Assert.Equal(Invitations, messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task WaitForDistinctAsync(SmtpSink sink, int count)
    {
        // Each wait returns on an arrival; the claims the killed process held lapse after its 2-second lease.
        for (var seen = sink.Messages.Count; sink.Messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count() < count; seen++)
        {
            await sink.WaitForAsync(seen + 1, TimeSpan.FromSeconds(120), Token);
        }
    }

    private static Dictionary<string, string> Environment(string databasePath, int? smtpPort)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Nps"] = $"Data Source={databasePath}",
            ["Nps__Sampling__Policies__1__Rate"] = "1",
            ["Nps__SeedFile"] = "", // no seed responses: the test is about the outbox
            ["Nps__Delivery__PollInterval"] = "00:00:00.100",
            ["Nps__Delivery__BatchSize"] = "50",
            ["Nps__Delivery__ClaimLease"] = "00:00:02",
        };
        if (smtpPort is { } port)
        {
            environment["Nps__Delivery__Smtp__Host"] = "127.0.0.1";
            environment["Nps__Delivery__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }
}
