using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Nps.Samples.Tests.AspNet;

[assembly: AssemblyFixture(typeof(Nps.Browser.Tests.DashboardServer))]

namespace Nps.Browser.Tests;

/// <summary>
/// One real sample server (Kestrel on 127.0.0.1, an ephemeral port, a temporary SQLite file) loaded with the bundled
/// samples/data/responses.csv through <c>POST /api/responses</c>, and one headless Debian chromium driven by
/// Playwright. Started by the first test that needs it; without chromium outside CI the tests are skipped by name.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>Debian's chromium; Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string AnalystKey = "analyst-dev-key";

    public const string SurveyKey = "survey-dev-key";

    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly string database = Path.Combine(Path.GetTempPath(), $"nps-browser-{Guid.NewGuid():N}.db");
    private SampleProcess? sample;
    private IPlaywright? playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    /// <summary>How many rows of responses.csv the server accepted.</summary>
    public int Loaded { get; private set; }

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string Screenshots { get; } = Path.Combine(
        Path.GetDirectoryName(Path.GetDirectoryName(SampleProcess.ProjectDirectory))!, "artifacts", "screenshots");

    /// <summary>Starts the server and the browser once; skips the calling test when chromium is missing outside CI.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") is "true" or "1",
                $"{ChromiumPath} is missing in CI: .ci/run installs Debian's chromium package.");
            Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium); browser tests run in CI.");
        }

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
            Address = await sample.ListeningAsync(TestContext.Current.CancellationToken);
            Api = new HttpClient { BaseAddress = Address };
            Loaded = await LoadAsync(Api, TestContext.Current.CancellationToken);

            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            playwright = await Playwright.CreateAsync();
            Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
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

    /// <summary>Posts every row of the bundled responses.csv (8 at a time) and returns how many were stored.</summary>
    private static async Task<int> LoadAsync(HttpClient api, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(SampleProcess.ProjectDirectory))!, "samples", "data", "responses.csv");
        var rows = Csv.Read(await File.ReadAllTextAsync(path, cancellationToken));
        var header = rows[0];
        string? Field(string[] row, string name) => row[Array.IndexOf(header, name)] is { Length: > 0 } value ? value : null;
        var stored = 0;
        await Parallel.ForEachAsync(rows.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, token) =>
        {
            var body = new Dictionary<string, object?>
            {
                ["responseId"] = Field(row, "response_id"), ["customerId"] = Field(row, "customer_id"),
                ["respondedAt"] = Field(row, "responded_at"), ["rating"] = int.Parse(Field(row, "rating")!, System.Globalization.CultureInfo.InvariantCulture),
                ["team"] = Field(row, "team"), ["agent"] = Field(row, "agent"), ["channel"] = Field(row, "channel"),
                ["product"] = Field(row, "product"), ["touchpoint"] = Field(row, "touchpoint"), ["kind"] = Field(row, "survey_kind"),
                ["comment"] = Field(row, "comment"), ["callbackRequested"] = Field(row, "callback_requested") == "true",
                ["isManual"] = Field(row, "manual") == "true",
                ["inclusionProbability"] = double.Parse(Field(row, "inclusion_probability")!, System.Globalization.CultureInfo.InvariantCulture),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/responses") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", SurveyKey);
            using var response = await api.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Row {row[0]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            }

            Interlocked.Increment(ref stored);
        });
        return stored;
    }
}

/// <summary>RFC 4180 records (quoted fields with commas, quotes and line breaks), enough to replay the bundled CSV.</summary>
internal static class Csv
{
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0) records.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(c);
        }

        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return records;
    }
}
