using System.Net.Http.Json;
using Microsoft.Playwright;
using Nps.Samples.Tests.AspNet;

[assembly: AssemblyFixture(typeof(Nps.Browser.Tests.DashboardServer))]

namespace Nps.Browser.Tests;

/// <summary>
/// One real sample server (Kestrel on 127.0.0.1, an ephemeral port, a temporary SQLite file) loaded with the bundled
/// samples/data/responses.csv through its Nps:SeedFile (Development) in the background after start (waited for on /healthz/ready), and one headless Debian chromium driven by
/// Playwright. Started by the first test that needs it; without chromium outside CI the tests are skipped by name.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public const string AnalystKey = "analyst-dev-key";

    public const string SurveyKey = "survey-dev-key";

    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly string database = Path.Combine(Path.GetTempPath(), $"nps-browser-{Guid.NewGuid():N}.db");
    private SampleProcess? sample;
    private IPlaywright? playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    /// <summary>How many responses the server's reports count after start (seeded from responses.csv; manual sends left out).</summary>
    public int Loaded { get; private set; }

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string Screenshots { get; } = Path.Combine(
        Path.GetDirectoryName(Path.GetDirectoryName(SampleProcess.ProjectDirectory))!, "artifacts", "screenshots");

    /// <summary>Starts the server and the browser once; skips the calling test when chromium is missing outside CI.</summary>
    public async Task StartAsync()
    {
        Chromium.SkipUnlessInstalled();

        await starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (sample is not null) return;
            sample = SampleProcess.Start(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ConnectionStrings__Nps"] = $"Data Source={database}",
                ["RateLimiting__PermitLimit"] = "1000000",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            Address = await sample.ReadyAsync(TestContext.Current.CancellationToken); // seeded in the background: ready says when
            Api = new HttpClient { BaseAddress = Address };
            Loaded = await StoredAsync(Api, TestContext.Current.CancellationToken);

            (playwright, Browser) = await Chromium.LaunchAsync();
            Directory.CreateDirectory(Screenshots);
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        Api?.Dispose();
        sample?.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        starting.Dispose();
    }

    /// <summary>How many responses the server holds after start (its Nps:SeedFile, samples/data/responses.csv in Development).</summary>
    private static async Task<int> StoredAsync(HttpClient api, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/nps");
        request.Headers.Add("X-Api-Key", AnalystKey);
        using var response = await api.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var report = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
        return report.GetProperty("overall").GetProperty("count").GetInt32();
    }
}
