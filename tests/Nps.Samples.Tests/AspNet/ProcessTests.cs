using System.Net;

namespace Nps.Samples.Tests.AspNet;

/// <summary>The sample as a real process: where it listens and what stops it starting.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempDatabase database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_AspNetCoreUrlsSet_ListensThere()
    {
        using var sample = SampleProcess.Start(Environment("Development", ("ASPNETCORE_URLS", "http://127.0.0.1:0")));

        var address = await sample.ReadyAsync(Token);

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(5080, address.Port);
        using var client = new HttpClient { BaseAddress = address };
        using var health = await client.GetAsync("/healthz", Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Start_DevelopmentWithTheSeedFile_LiveAtOnceReadyOnceSeeded()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var sample = SampleProcess.Start(Environment("Development", ("ASPNETCORE_URLS", "http://127.0.0.1:0")));

        var address = await sample.ReadyAsync(Token, "/healthz/live");
        var live = clock.Elapsed;
        await sample.ReadyAsync(Token);
        var ready = clock.Elapsed;

        using var client = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/nps");
        request.Headers.Add("X-Api-Key", "analyst-dev-key");
        using var report = await client.SendAsync(request, Token);
        var count = (await report.ReadJsonAsync()).GetProperty("overall").GetProperty("count").GetInt32();
        Assert.True(count > 6000, $"{count} responses after ready: the seed file was not loaded before readiness");
        TestContext.Current.TestOutputHelper?.WriteLine($"start to /healthz/live {live.TotalSeconds:0.00} s, to /healthz/ready (seeded) {ready.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Start_UrlsArgument_WinsOverAspNetCoreUrls()
    {
        var port = FreePort();
        using var sample = SampleProcess.Start(Environment("Development", ("ASPNETCORE_URLS", "http://127.0.0.1:0")), "--urls", $"http://127.0.0.1:{port}");

        var address = await sample.ListeningAsync(Token);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), address);
    }

    [Fact]
    public async Task Start_ProductionWithTheSampleSamplingKey_ExitsWithTheReason()
    {
        using var sample = SampleProcess.Start(Environment("Production",
            ("ASPNETCORE_URLS", "http://127.0.0.1:0"),
            ("Nps__SamplingKey", "ZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZQ=="),
            ("Authentication__ApiKeys__0__Name", "ops"),
            ("Authentication__ApiKeys__0__Key", "a-production-analyst-key"),
            ("Authentication__ApiKeys__0__Role", "analyst")));

        var exitCode = await sample.ExitCodeAsync(Token);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Nps:SamplingKey is the published sample key; the 'Production' environment needs a secret key of its own",
            sample.Output, StringComparison.Ordinal);
    }

    public void Dispose() => database.Dispose();

    private Dictionary<string, string> Environment(string name, params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = name, ["ConnectionStrings__Nps"] = $"Data Source={database.Path}",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        return environment;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
