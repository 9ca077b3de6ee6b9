using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The web sample as a real child process (<c>dotnet Nps.Samples.AspNet.dll</c> on a loopback port and a temporary
/// SQLite file), killed with SIGKILL while requests are in flight: everything it acknowledged is there after a restart.
/// </summary>
public sealed class KillTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly List<Process> _processes = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task KillDashNine_UnderLoad_EveryAcknowledgedResponseDecisionAndFollowUpSurvives()
    {
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var server = await StartAsync(port, client);

        // Load: 400 responses (every other one a detractor) and 400 touchpoints, 8 at a time; kill after 200 acknowledgements.
        var acknowledgedResponses = new System.Collections.Concurrent.ConcurrentBag<(string Id, bool Detractor)>();
        var acknowledgedDecisions = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var killed = 0;
        using var gate = new SemaphoreSlim(8);
        var load = Enumerable.Range(0, 400).Select(async i =>
        {
            await gate.WaitAsync(Token);
            try
            {
                var detractor = i % 2 == 0;
                var response = await TryPostAsync(client, "/api/responses", Api.Response($"R{i}", rating: detractor ? 2 : 9, respondent: $"C{i}"));
                if (response is { StatusCode: HttpStatusCode.Created or HttpStatusCode.OK }) acknowledgedResponses.Add(($"R{i}", detractor));
                var decision = await TryPostAsync(client, "/api/touchpoints", Api.Touchpoint($"T{i}", "E1"));
                if (decision is { StatusCode: HttpStatusCode.OK }) acknowledgedDecisions[$"T{i}"] = Outcome(await decision.Content.ReadAsStringAsync(Token));
                if (acknowledgedResponses.Count >= 200 && Interlocked.Exchange(ref killed, 1) == 0) server.Kill(); // SIGKILL on Unix
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(load);
        await server.WaitForExitAsync(Token);
        Assert.Equal(1, killed);

        await StartAsync(port, client);
        foreach (var (id, detractor) in acknowledgedResponses)
        {
            using var get = await Send(client, HttpMethod.Get, $"/api/responses/{id}", null, "analyst-dev-key");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            if (!detractor) continue;
            using var followUp = await Send(client, HttpMethod.Get, $"/api/follow-ups/fu-{id}", null, "analyst-dev-key");
            Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        }

        foreach (var (customer, outcome) in acknowledgedDecisions)
        {
            using var retry = await Send(client, HttpMethod.Post, "/api/touchpoints", Api.Touchpoint(customer, "E1"), "survey-dev-key");
            Assert.Equal(outcome, Outcome(await retry.Content.ReadAsStringAsync(Token)));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"killed after {acknowledgedResponses.Count} acknowledged responses and {acknowledgedDecisions.Count} decisions; all present after restart");
        Assert.InRange(acknowledgedResponses.Count, 200, 400);
    }

    private async Task<Process> StartAsync(int port, HttpClient client)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Nps.Samples.AspNet.dll"), "--urls", $"http://127.0.0.1:{port}",
                     "--ConnectionStrings:Nps", $"Data Source={_database.Path}", "--Nps:Sampling:Policies:1:Rate", "1", "--Logging:LogLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _processes.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ready when /healthz/ready answers 200 (stores open, seed file loaded), polled with a bound of minutes, not a guess of seconds.
        await SampleProcess.WaitForAsync(new Uri(client.BaseAddress!, "/healthz/ready"),
            () => process.HasExited ? "the web sample exited during start-up" : null, Token);
        return process;
    }

    private static async Task<HttpResponseMessage?> TryPostAsync(HttpClient client, string path, string json)
    {
        try
        {
            return await Send(client, HttpMethod.Post, path, json, "survey-dev-key");
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet, or killed mid-request: not acknowledged
        }
        catch (TaskCanceledException) when (!Token.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string? json, string apiKey)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Api.Json(json) };
        request.Headers.Add("X-Api-Key", apiKey); // the development key of the survey or analyst role, once the sample authenticates
        return await client.SendAsync(request, Token);
    }

    private static string Outcome(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("outcome").GetString() + " " + document.RootElement.GetProperty("decidedAt").GetString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
