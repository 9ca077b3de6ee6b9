using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using Npgsql;
using Nps.AspNetCore.Delivery;
using Nps.Delivery;
using Nps.PostgreSql;
using Nps.Sampling;
using Nps.Touchpoints;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

// Outbox throughput on PostgreSQL (NPS_TEST_POSTGRES, e.g. from .ci/postgres.sh) to an in-process SmtpServer sink on
// loopback: N due invitations, sent by 1 and by 2 outbox instances (own connection pools, own SMTP connections), each
// run on a fresh schema. Checks that the sink got N messages with N distinct Message-IDs. The sink's sockets have Nagle
// off, as an MTA that answers pipelined commands at once behaves; --sink-nagle keeps SmtpServer's default sockets, whose
// second pipelined reply (RCPT after MAIL) then waits for the client's delayed ACK, about 40 ms a message.
var sinkNagle = args.Contains("--sink-nagle");
args = [.. args.Where(a => a != "--sink-nagle")];
var invitations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4000;
var instanceCounts = args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 2];
var server = Environment.GetEnvironmentVariable("NPS_TEST_POSTGRES") ?? throw new InvalidOperationException("Set NPS_TEST_POSTGRES (eval \"$(.ci/postgres.sh start)\").");
const string Key = "bnBzLWNvcmUtbG9hZC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==";

foreach (var instances in instanceCounts)
{
    var schema = "nps_outbox_load_" + Guid.NewGuid().ToString("N");
    await Sql(server, $"CREATE SCHEMA {schema}");
    try
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
        await using (var seed = await PostgreSqlNpsStores.OpenAsync(connectionString))
        {
            var program = Program(seed.Decisions);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < invitations; i++) await program.DecideAsync(new TouchpointEvent { CustomerId = $"C{i}", EventId = "E1", OccurredAt = now });
        }

        var sink = new Sink();
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(sink);
        if (!sinkNagle) services.Add(new NoDelayListeners());
        var running = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("sink")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(), services).StartAsync(stop.Token);
        await WaitListeningAsync(port);

        var outboxes = new List<(PostgreSqlNpsStores Stores, OutboxDispatcher Outbox, SmtpInvitationSender Sender)>();
        for (var i = 0; i < instances; i++)
        {
            var stores = await PostgreSqlNpsStores.OpenAsync(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"outbox-{i}" }.ToString());
            var sender = new SmtpInvitationSender(new NpsSmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, From = "survey@example.test" });
            outboxes.Add((stores, new OutboxDispatcher(stores.Invitations, stores.Ledger, new Directory(), sender,
                new InvitationMessageRenderer(new InvitationMessageOptions { BaseUrl = new Uri("https://survey.example.test/"), OrganisationName = "Acme" }),
                Program(stores.Decisions).Tokens, new DeliveryOptions { BatchSize = 100 }), sender));
        }

        var clock = Stopwatch.StartNew();
        var sent = await Task.WhenAll(outboxes.Select(o => Task.Run(async () =>
        {
            var total = 0;
            for (var pass = 0; pass < invitations; pass++)
            {
                var result = await o.Outbox.RunOnceAsync();
                await o.Sender.EndPassAsync();
                total += result.Sent;
                if (result.Claimed == 0) break;
            }

            return total;
        })));
        clock.Stop();

        var distinct = sink.MessageIds.Distinct(StringComparer.Ordinal).Count();
        var ok = sent.Sum() == invitations && sink.MessageIds.Count == invitations && distinct == invitations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instances} instance(s): {invitations} messages in {clock.Elapsed.TotalSeconds:0.00} s = {invitations / clock.Elapsed.TotalSeconds:0} messages/s (per instance: {string.Join(", ", sent)}; sink: {sink.MessageIds.Count} messages, {distinct} distinct Message-IDs){(ok ? "" : "  MISMATCH")}"));
        foreach (var (stores, _, sender) in outboxes)
        {
            await sender.DisposeAsync();
            await stores.DisposeAsync();
        }

        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
        if (!ok) Environment.ExitCode = 1;
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await Sql(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }
}

static SurveyProgram Program(IDecisionStore decisions) => new(new SurveyProgramOptions
{
    SamplingKey = Key, Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1.0 }] },
}, decisions);

static async Task Sql(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitListeningAsync(int port)
{
    for (var attempt = 0; ; attempt++)
    {
        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException) when (attempt < 500)
        {
            await Task.Yield();
        }
    }
}

/// <summary>The sink's endpoints with Nagle off on every accepted connection.</summary>
sealed class NoDelayListeners : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties.Add(EndpointListener.LocalEndPointKey, listener.LocalEndpoint);
            context.Properties.Add(EndpointListener.RemoteEndPointKey, client.Client.RemoteEndPoint!);
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The connection as a pipe; plain text only (the load kit sends without TLS).</summary>
    private sealed class Pipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);

        public PipeWriter Output => field ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The load kit's sink speaks plain SMTP.");

        public void Dispose() => client.Dispose();
    }
}

sealed class Directory : IRecipientDirectory
{
    public ValueTask<Recipient?> FindAsync(string customerId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<Recipient?>(new Recipient($"{customerId}@example.test", "en"));
}

/// <summary>Keeps each accepted message's Message-ID (headers parsed only).</summary>
sealed class Sink : MessageStore
{
    public ConcurrentBag<string> MessageIds { get; } = [];

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        MessageIds.Add(HeaderList.Load(stream, cancellationToken)[HeaderId.MessageId] ?? "");
        return Task.FromResult(SmtpResponse.Ok);
    }
}
