using System.Net;
using System.Net.Sockets;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// A loopback TCP port that stands for a database: while <see cref="Forward"/> has not been called it accepts and
/// drops every connection at once (the database is down), afterwards it pipes each connection to the real server.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private volatile IPEndPoint? target;
    private int dropped;

    public LoopbackProxy()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections were dropped while the database was "down".</summary>
    public int Dropped => Volatile.Read(ref dropped);

    /// <summary>From now on, connections reach <paramref name="server"/>.</summary>
    public void Forward(IPEndPoint server) => target = server;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested) // ends when disposed
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            if (target is not { } server)
            {
                Interlocked.Increment(ref dropped);
                client.Dispose();
                continue;
            }

            _ = PipeAsync(client, server);
        }
    }

    private async Task PipeAsync(TcpClient client, IPEndPoint server)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(server, stopping.Token);
                var a = client.GetStream();
                var b = upstream.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, stopping.Token), b.CopyToAsync(a, stopping.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // a connection ended; the client sees it closed
            }
        }
    }
}
