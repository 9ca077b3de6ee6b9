using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Nps.Samples.Tests.Delivery;

/// <summary>One message as the sink received it, its parts decoded.</summary>
internal sealed record SinkMessage(string MessageId, string To, string Subject, string Text, string Html, HeaderList Headers);

/// <summary>
/// An SMTP server on a loopback port (the SmtpServer package) that keeps every message it accepts, or answers with the
/// reply <see cref="Reply"/> chooses. <c>WaitForAsync</c> waits on arrivals, never on the clock alone.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SinkMessage> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _running;
    private int _sessions;

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    /// <summary>SMTP sessions (connections) opened so far, the readiness probe's included.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Chooses a reply for a message (e.g. 451 or 554 by recipient); <see langword="null"/> accepts it.</summary>
    public Func<SinkMessage, SmtpResponse?>? Reply { get; set; }

    /// <summary>The messages accepted so far.</summary>
    public IReadOnlyList<SinkMessage> Messages
    {
        get
        {
            lock (_messages) return [.. _messages];
        }
    }

    /// <summary>
    /// Starts a sink on a free loopback port and waits until it greets a connection: the greeting comes after the
    /// session is counted, so <see cref="Sessions"/> includes the probe's from then on.
    /// </summary>
    public static async Task<SmtpSink> StartAsync(CancellationToken cancellationToken)
    {
        var sink = new SmtpSink(FreePort());
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, sink.Port, cancellationToken);
                using var greeting = new StreamReader(probe.GetStream());
                if ((await greeting.ReadLineAsync(cancellationToken))?.StartsWith("220", StringComparison.Ordinal) != true)
                {
                    throw new InvalidOperationException("The SMTP sink did not greet with 220.");
                }

                return sink;
            }
            catch (SocketException) when (attempt < 1000)
            {
                await Task.Delay(10, cancellationToken); // the listener is not bound yet: try again, at most 1,000 times
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted, at most <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SinkMessage>> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (Messages.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The sink received {Messages.Count} of {count} messages within {timeout}.");
            }
        }

        return Messages;
    }

    /// <summary>Waits until a message that <paramref name="match"/> accepts has arrived, at most <paramref name="timeout"/>.</summary>
    public async Task<SinkMessage> WaitForAsync(Func<SinkMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            if (Messages.FirstOrDefault(match) is { } found) return found;
            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching message among the {Messages.Count} the sink received within {timeout}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private SmtpResponse Accept(MimeMessage mime)
    {
        var message = new SinkMessage("<" + mime.MessageId + ">", mime.To.Mailboxes.Single().Address, mime.Subject ?? "", mime.TextBody ?? "", mime.HtmlBody ?? "", mime.Headers);
        if (Reply?.Invoke(message) is { } refusal) return refusal;
        lock (_messages) _messages.Add(message);
        _arrived.Release();
        return SmtpResponse.Ok;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            return Task.FromResult(sink.Accept(MimeMessage.Load(stream, cancellationToken)));
        }
    }
}
