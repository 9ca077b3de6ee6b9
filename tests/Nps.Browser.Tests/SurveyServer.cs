using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nps.Delivery;
using Nps.Samples.Tests.AspNet;
using Nps.Samples.Tests.Delivery;

namespace Nps.Browser.Tests;

/// <summary>
/// The sample as a real process in Development on a fresh SQLite file, without seed data, its outbox polling often and
/// sending to an in-process SMTP sink on loopback, with two follow-up questions configured; and one headless chromium.
/// Survey links are the ones in the e-mails the sink receives (the sample's base URL is its own address).
/// </summary>
public sealed partial class SurveyServer : IAsyncDisposable
{
    public const string SurveyKey = "survey-dev-key";

    public const string AnalystKey = "analyst-dev-key";

    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly string database = Path.Combine(Path.GetTempPath(), $"nps-survey-browser-{Guid.NewGuid():N}.db");
    private SampleProcess? sample;
    private SmtpSink? sink;
    private IPlaywright? playwright;
    private int customers;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    /// <summary>Starts the sink, the server and the browser once; skips the calling test when chromium is missing outside CI.</summary>
    public async Task StartAsync()
    {
        Chromium.SkipUnlessInstalled();
        await starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (sample is not null) return;
            sink = await SmtpSink.StartAsync(TestContext.Current.CancellationToken);
            var port = FreePort();
            sample = SampleProcess.Start(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Nps"] = $"Data Source={database}",
                ["Nps__SeedFile"] = "",
                ["RateLimiting__PermitLimit"] = "1000000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Nps__Delivery__BaseUrl"] = $"http://127.0.0.1:{port}/",
                ["Nps__Delivery__PollInterval"] = "00:00:00.200",
                ["Nps__Delivery__Smtp__Host"] = "127.0.0.1",
                ["Nps__Delivery__Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
                ["Nps__Survey__Questions__0__Id"] = "ease",
                ["Nps__Survey__Questions__0__Text__en"] = "How easy was it to get help?",
                ["Nps__Survey__Questions__0__Text__nl"] = "Hoe makkelijk was het om geholpen te worden?",
                ["Nps__Survey__Questions__0__Choices__0__Value"] = "easy",
                ["Nps__Survey__Questions__0__Choices__0__Text__en"] = "Easy",
                ["Nps__Survey__Questions__0__Choices__0__Text__nl"] = "Makkelijk",
                ["Nps__Survey__Questions__0__Choices__1__Value"] = "hard",
                ["Nps__Survey__Questions__0__Choices__1__Text__en"] = "Hard",
                ["Nps__Survey__Questions__0__Choices__1__Text__nl"] = "Moeilijk",
                ["Nps__Survey__Questions__1__Id"] = "improve",
                ["Nps__Survey__Questions__1__Text__en"] = "What could we do better?",
                ["Nps__Survey__Questions__1__Text__nl"] = "Wat kunnen we beter doen?",
            });
            var address = await sample.ReadyAsync(TestContext.Current.CancellationToken);
            Api = new HttpClient { BaseAddress = address };
            (playwright, Browser) = await Chromium.LaunchAsync();
            Directory.CreateDirectory(DashboardServer.Screenshots);
        }
        finally
        {
            starting.Release();
        }
    }

    /// <summary>
    /// Posts touchpoints of new customers until the sample's sampling (transactional: rate 0.5) invites one, then waits
    /// for that customer's e-mail at the sink and returns the survey page's address from its first score link.
    /// </summary>
    public async Task<Invited> InviteAsync(string eventId)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var customer = $"C-browser-{Interlocked.Increment(ref customers)}";
            var touchpoint = JsonSerializer.Serialize(new
            {
                customerId = customer, eventId, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-10), channel = "phone", team = "Billing", agent = "a-7",
                product = "internet",
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/touchpoints") { Content = new StringContent(touchpoint, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", SurveyKey);
            using var response = await Api.SendAsync(request, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            var decision = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            if (decision.GetProperty("outcome").GetString() != "invite") continue;

            var message = await sink!.WaitForAsync(m => m.To == $"{customer}@example.test", TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            var link = ScoreLink().Match(message.Text);
            Assert.True(link.Success, "the e-mail has no score link:\n" + message.Text);
            return new Invited(customer, SurveyInvitation.IdFor(customer, eventId), decision.GetProperty("inclusionProbability").GetDouble(),
                new Uri(link.Groups[1].Value));
        }

        throw new InvalidOperationException("64 touchpoints in a row were not sampled at rate 0.5.");
    }

    /// <summary>A GET on the API with the analyst key.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", AnalystKey);
        using var response = await Api.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        Api?.Dispose();
        sample?.Dispose();
        if (sink is not null) await sink.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        starting.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first of the e-mail's score links; group 1 is the page's address without the preselected score.</summary>
    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+/s/[A-Za-z0-9_-]+)\?score=0")]
    private static partial Regex ScoreLink();
}

/// <summary>A customer whose touchpoint was sampled, and the survey page its e-mail links to.</summary>
public sealed record Invited(string Customer, string InvitationId, double InclusionProbability, Uri Page);
