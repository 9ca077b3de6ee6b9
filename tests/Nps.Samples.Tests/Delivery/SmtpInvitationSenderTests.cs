using Nps.AspNetCore.Delivery;
using Nps.Delivery;
using SmtpServer.Protocol;

namespace Nps.Samples.Tests.Delivery;

/// <summary>The MailKit sender against a loopback SMTP server: replies mapped to transient or permanent, one connection per pass.</summary>
public sealed class SmtpInvitationSenderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static InvitationMessage Message(string to, string id) => new($"<{id}.invitation@survey.example.test>", to, "How likely…", "<p>Hoe waarschijnlijk</p>",
        "Hoe waarschijnlijk", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["List-Unsubscribe"] = "<https://survey.example.test/s/t/unsubscribe>", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        }, "nl");

    [Fact]
    public async Task SendAsync_4xx5xxAndAccepted_TransientPermanentSentOnOneConnectionPerPass()
    {
        await using var sink = await SmtpSink.StartAsync(Token);
        sink.Reply = m => m.To switch
        {
            "later@example.test" => new SmtpResponse((SmtpReplyCode)451, "try again later"),
            "gone@example.test" => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such mailbox"),
            _ => null,
        };
        var before = sink.Sessions;
        await using var sender = new SmtpInvitationSender(new NpsSmtpOptions { Host = "127.0.0.1", Port = sink.Port, UseTls = false, From = "Acme <survey@example.test>" });

        var later = await sender.SendAsync(Message("later@example.test", "i1"), Token);
        var gone = await sender.SendAsync(Message("gone@example.test", "i2"), Token);
        var ok = await sender.SendAsync(Message("ok@example.test", "i3"), Token);
        var invalid = await sender.SendAsync(Message("not an address", "i4"), Token);
        await sender.EndPassAsync();

        Assert.Equal(InvitationSendOutcome.Transient, later.Outcome);
        Assert.Equal(InvitationSendOutcome.Permanent, gone.Outcome);
        Assert.Equal("the SMTP server replied 550 (message not accepted)", gone.Reason);
        Assert.Equal(InvitationSendResult.Sent, ok);
        Assert.Equal(InvitationSendOutcome.Permanent, invalid.Outcome);
        Assert.Equal(1, sink.Sessions - before);
        var received = Assert.Single(sink.Messages);
        Assert.Equal(("<i3.invitation@survey.example.test>", "Hoe waarschijnlijk", "<p>Hoe waarschijnlijk</p>"), (received.MessageId, received.Text.Trim(), received.Html.Trim()));
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SendAsync_NoServerListening_TransientWithoutRetryingInThePass()
    {
        int port;
        await using (var gone = await SmtpSink.StartAsync(Token)) port = gone.Port;
        await using var sender = new SmtpInvitationSender(new NpsSmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, From = "survey@example.test" });

        var first = await sender.SendAsync(Message("a@example.test", "i1"), Token);
        var second = await sender.SendAsync(Message("b@example.test", "i2"), Token);

        Assert.Equal(InvitationSendOutcome.Transient, first.Outcome);
        Assert.StartsWith("the SMTP server could not be reached", first.Reason, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }
}
