using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Nps.Delivery;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// Sends survey messages through an SMTP server with MailKit: subject, a plain-text and an HTML part, the renderer's
/// <c>Message-ID</c>, and its <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers. One connection is
/// opened on the first message of a pass and kept until <see cref="EndPassAsync"/>; not safe for concurrent use (one
/// sender per <see cref="OutboxDispatcher"/>).
/// </summary>
/// <remarks>
/// A 5xx refusal of the recipient or the message is permanent (the invitation fails with the reply code); 4xx replies,
/// a refused sender (often the server's configuration), failed authentication and connection errors are transient and
/// retried with back-off. After a connection failure the rest of the pass is deferred without reconnecting.
/// </remarks>
public sealed class SmtpInvitationSender : IInvitationSender, IAsyncDisposable
{
    private readonly NpsSmtpOptions _options;
    private readonly MailboxAddress _from;
    private readonly TimeProvider _timeProvider;
    private SmtpClient? _client;
    private string? _unreachable;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The server; <see cref="NpsSmtpOptions.Host"/> and <see cref="NpsSmtpOptions.From"/> are required.</param>
    /// <param name="timeProvider">The clock for the <c>Date</c> header; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The host is empty or the sender's address is not valid.</exception>
    public SmtpInvitationSender(NpsSmtpOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host)) throw new ArgumentException("Nps:Delivery:Smtp:Host must name the SMTP server.", nameof(options));
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from))
        {
            throw new ArgumentException($"Nps:Delivery:Smtp:From must be the sender's e-mail address; got '{options.From}'.", nameof(options));
        }

        _options = options;
        _from = from;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<InvitationSendResult> SendAsync(InvitationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!MailboxAddress.TryParse(message.To, out var to)) return InvitationSendResult.Permanent("the recipient's address is not a valid e-mail address");
        if (_unreachable is not null) return InvitationSendResult.Transient(_unreachable);
        using var mime = ToMime(message, to);
        SmtpClient client;
        try
        {
            client = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            await DropAsync().ConfigureAwait(false);
            _unreachable = "the SMTP server could not be reached (" + e.GetType().Name + ")";
            return InvitationSendResult.Transient(_unreachable);
        }

        try
        {
            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            return InvitationSendResult.Sent;
        }
        catch (SmtpCommandException e)
        {
            if (!client.IsConnected) await DropAsync().ConfigureAwait(false);
            return Classify(e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // The message may or may not have been accepted: the retry resends the same Message-ID.
            await DropAsync().ConfigureAwait(false);
            return InvitationSendResult.Transient("the SMTP connection failed while sending (" + e.GetType().Name + ")");
        }
    }

    /// <summary>Ends a pass: closes the connection (politely) and forgets a connection failure, so the next pass connects afresh.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask EndPassAsync()
    {
        _unreachable = null;
        if (_client is { IsConnected: true } client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsConnectionFailure(e) || e is OperationCanceledException)
            {
                // The messages were accepted before; a failed QUIT loses nothing.
            }
        }

        await DropAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => EndPassAsync();

    /// <summary>Maps an SMTP reply: 5xx refusals of the recipient or the message are permanent, everything else transient.</summary>
    internal static InvitationSendResult Classify(SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        var reason = string.Create(CultureInfo.InvariantCulture, $"the SMTP server replied {code} ({Describe(e.ErrorCode)})");
        return code is >= 500 and < 600 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted
            ? InvitationSendResult.Permanent(reason)
            : InvitationSendResult.Transient(reason);
    }

    private static string Describe(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient not accepted",
        SmtpErrorCode.SenderNotAccepted => "sender not accepted",
        SmtpErrorCode.MessageNotAccepted => "message not accepted",
        _ => "unexpected reply",
    };

    private static bool IsConnectionFailure(Exception e) => e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
        or SslHandshakeException or AuthenticationException or TimeoutException or SmtpCommandException;

    private async ValueTask<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected) return connected;
        await DropAsync().ConfigureAwait(false);
        var client = new SmtpClient { Timeout = 30_000 };
        _client = client;
        var security = !_options.UseTls ? SecureSocketOptions.None : _options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        // Nagle off (MailKit leaves it on; it takes a connected socket instead): every SMTP step is a write followed by
        // a wait for the reply, so with Nagle on a message longer than one write has its last segment held until the
        // server's delayed ACK, tens of milliseconds per message.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connecting.CancelAfter(client.Timeout);
                try
                {
                    await socket.ConnectAsync(_options.Host!, _options.Port, connecting.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("The SMTP server did not accept the connection in time.");
                }
            }

            await client.ConnectAsync(socket, _options.Host!, _options.Port, security, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (!client.IsConnected) socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(_options.UserName)) await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
        return client;
    }

    private ValueTask DropAsync()
    {
        _client?.Dispose();
        _client = null;
        return ValueTask.CompletedTask;
    }

    private MimeMessage ToMime(InvitationMessage message, MailboxAddress to)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId.Trim('<', '>'),
            Date = _timeProvider.GetUtcNow(),
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(_from);
        mime.To.Add(to);
        foreach (var (name, value) in message.Headers) mime.Headers.Add(name, value);
        mime.Headers.Add(HeaderId.ContentLanguage, message.Locale);
        return mime;
    }
}
