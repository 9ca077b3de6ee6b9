using Npgsql;
using Nps.AspNetCore.Delivery;
using Nps.Delivery;
using Nps.PostgreSql;
using Nps.Sampling;
using Nps.Stores.Tests.PostgreSql;
using Nps.Touchpoints;

namespace Nps.Samples.Tests.Delivery;

/// <summary>Two outbox instances, each with its own connections and its own SMTP connection, over one PostgreSQL database.</summary>
public sealed class TwoInstanceOutboxTests
{
    private const string SamplingKey = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstances_ThousandDueInvitationsOnPostgreSql_ThousandMessagesEachMessageIdOnce()
    {
        var (connectionString, drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        try
        {
            await using var sink = await SmtpSink.StartAsync(Token);
            await using (var seed = await PostgreSqlNpsStores.OpenAsync(connectionString, Token))
            {
                var program = Program(seed.Decisions);
                for (var i = 0; i < 1000; i++)
                {
                    await program.DecideAsync(new TouchpointEvent { CustomerId = $"C{i}", EventId = "E1", OccurredAt = DateTimeOffset.UtcNow }, Token);
                }
            }

            var sent = await Task.WhenAll(new[] { "a", "b" }.Select(name => Task.Run(async () =>
            {
                var own = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "outbox-" + name }.ToString(); // a pool of its own
                await using var stores = await PostgreSqlNpsStores.OpenAsync(own, Token);
                await using var sender = new SmtpInvitationSender(new NpsSmtpOptions { Host = "127.0.0.1", Port = sink.Port, UseTls = false, From = "survey@example.test" });
                var outbox = new OutboxDispatcher(stores.Invitations, stores.Ledger, new Directory(), sender,
                    new InvitationMessageRenderer(new InvitationMessageOptions { BaseUrl = new Uri("https://survey.example.test/"), OrganisationName = "Acme" }),
                    Program(stores.Decisions).Tokens, new DeliveryOptions { BatchSize = 50 });
                var total = 0;
                for (var passes = 0; passes < 200; passes++)
                {
                    var pass = await outbox.RunOnceAsync(Token);
                    await sender.EndPassAsync();
                    total += pass.Sent;
                    Assert.Equal(pass.Claimed, pass.Sent);
                    if (pass.Claimed == 0) break;
                }

                return total;
            }, Token)));

            var messages = sink.Messages;
            TestContext.Current.TestOutputHelper?.WriteLine($"instance a sent {sent[0]}, instance b sent {sent[1]}");
            Assert.Equal(1000, sent.Sum());
            Assert.All(sent, s => Assert.True(s > 0, "both instances sent"));
            Assert.Equal(1000, messages.Count);
            Assert.Equal(1000, messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(1000, messages.Select(m => m.To).Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            await drop();
        }
    }

    private static SurveyProgram Program(IDecisionStore decisions) => new(new SurveyProgramOptions
    {
        SamplingKey = SamplingKey,
        Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1.0 }] },
    }, decisions);

    private sealed class Directory : IRecipientDirectory
    {
        public ValueTask<Recipient?> FindAsync(string customerId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<Recipient?>(new Recipient($"{customerId}@example.test", "en"));
    }
}
