using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Nps.Samples.Tests.AspNet;

/// <summary>Kestrel's own body limits, on a real Kestrel server on a loopback port: 413 and 408 as problem+json, never 500.</summary>
public sealed class KestrelLimitTests : IDisposable
{
    private readonly TempDatabase database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostTouchpoint_TenMegabyteChunkedBody_Returns413Problem()
    {
        using var factory = Start(out var address);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Token);
        var stream = tcp.GetStream();
        var head = $"POST /api/touchpoints HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {NpsApiFactory.SurveyKey}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Token);
        var response = ReadResponseAsync(stream); // read while writing: the server answers before the body ends

        var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string('a', 0x10000) + "\r\n");
        try
        {
            for (var sent = 0; sent < 10 * 1024 * 1024 && !response.IsCompleted; sent += 0x10000) await stream.WriteAsync(chunk, Token);
        }
        catch (IOException)
        {
            // The server stops reading once it has refused the body.
        }

        var text = await response;
        Assert.StartsWith("HTTP/1.1 413 Payload Too Large", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", text, StringComparison.Ordinal);
        Assert.Contains("Request body too large. The max request body size is 65536 bytes.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResponses_BodyAboveTheDefaultLimit_IsReadWhole()
    {
        using var factory = Start(out var address);
        using var client = new HttpClient { BaseAddress = address };
        var csv = new StringBuilder("response_id,customer_id,responded_at,rating,team,comment\n");
        for (var i = 0; i < 2000; i++) csv.Append($"K{i},C{i},2026-03-14T10:05:00+01:00,9,Billing,{new string('x', 100)}\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/responses/import") { Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv") };
        request.Headers.Add("X-Api-Key", NpsApiFactory.SurveyKey);
        Assert.True(csv.Length > 3 * 65536);

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2000, (await response.ReadJsonAsync()).GetProperty("totals").GetProperty("created").GetInt64());
    }

    [Fact]
    public async Task ImportResponses_DeclaredBodyOverFiftyMebibytes_Returns413Problem()
    {
        using var factory = Start(out var address);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Token);
        var stream = tcp.GetStream();
        var head = $"POST /api/responses/import HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {NpsApiFactory.SurveyKey}\r\n" +
            $"Content-Type: text/csv\r\nContent-Length: {(50 * 1024 * 1024) + 1}\r\n\r\nrating\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Token);

        var text = await ReadResponseAsync(stream);

        Assert.StartsWith("HTTP/1.1 413 Payload Too Large", text, StringComparison.Ordinal);
        Assert.Contains("Import bodies are limited to 52428800 bytes.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostResponse_BodyArrivingTooSlowly_Returns408Problem()
    {
        using var factory = Start(out var address, builder =>
        {
            builder.UseSetting("Limits:MinRequestBodyBytesPerSecond", "100");
            builder.UseSetting("Limits:RequestBodyGracePeriodSeconds", "2");
        });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Token);
        var stream = tcp.GetStream();
        var head = $"POST /api/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: {NpsApiFactory.SurveyKey}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"responseId\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Token);
        await stream.FlushAsync(Token);

        // Send nothing more; Kestrel times the body out after the grace period.
        var text = await ReadResponseAsync(stream);
        Assert.StartsWith("HTTP/1.1 408 Request Timeout", text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", text, StringComparison.Ordinal);
        Assert.Contains("Reading the request body timed out due to data arriving too slowly.", text, StringComparison.Ordinal);
    }

    public void Dispose() => database.Dispose();

    /// <summary>The raw response up to the end of its JSON body, read for at most 30 s.</summary>
    private static async Task<string> ReadResponseAsync(NetworkStream stream)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while (!received.ToString().Contains('}', StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // A reset after the response: what arrived is the answer.
        }

        return received.ToString();
    }

    private NpsApiFactory Start(out Uri address, Action<IWebHostBuilder>? configure = null)
    {
        // A free loopback port through the host's URLs, not UseKestrel(0): that form rewrites the server's addresses
        // after Build, racing the sample's entry point, which may already have started the server.
        var factory = new NpsApiFactory(database.Path, builder =>
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            configure?.Invoke(builder);
        });
        factory.UseKestrel();
        factory.StartServer();
        var bound = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        address = new Uri(bound.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return factory;
    }
}
