using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Data.Sqlite;

namespace Nps.Samples.Tests.AspNet;

/// <summary>A temporary SQLite file, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nps-api-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}

/// <summary>
/// The sample API on a given SQLite file, sampling every eligible event (rate 1) and on a fixed clock (shortly
/// after the times the tests send) so outcomes are deterministic. It runs as a non-Development environment
/// ("Testing") with keys and a sampling key of its own, as a deployment would; <see cref="CreateClient()"/> sends
/// the key of the role each route needs.
/// </summary>
internal sealed class NpsApiFactory(string databasePath, Action<IWebHostBuilder>? configure = null, bool withTestKeys = true)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public const string SurveyKey = "survey-test-key-0001";

    public const string AnalystKey = "analyst-test-key-001";

    public const string PrivacyKey = "privacy-test-key-001";

    public const string TestSamplingKey = "dGVzdC1zYW1wbGluZy1rZXktZm9yLWFwaS10ZXN0cw==";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Nps", $"Data Source={databasePath}");
        builder.UseSetting("Nps:SamplingKey", TestSamplingKey);
        builder.UseSetting("Nps:Sampling:Policies:1:Rate", "1");
        if (withTestKeys)
        {
            builder.UseSetting("Authentication:ApiKeys:0:Name", "test-survey");
            builder.UseSetting("Authentication:ApiKeys:0:Key", SurveyKey);
            builder.UseSetting("Authentication:ApiKeys:0:Role", "survey");
            builder.UseSetting("Authentication:ApiKeys:1:Name", "test-analyst");
            builder.UseSetting("Authentication:ApiKeys:1:Key", AnalystKey);
            builder.UseSetting("Authentication:ApiKeys:1:Role", "analyst");
            builder.UseSetting("Authentication:ApiKeys:2:Name", "test-privacy");
            builder.UseSetting("Authentication:ApiKeys:2:Key", PrivacyKey);
            builder.UseSetting("Authentication:ApiKeys:2:Role", "privacy");
        }

        builder.UseSetting("RateLimiting:PermitLimit", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        configure?.Invoke(builder);
    }

    /// <summary>Starts the host and waits until it is ready (stores opened, seed file loaded in the background), as a probe would.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<Nps.AspNetCore.Hosting.NpsStartup>().WhenReady.WaitAsync(SampleProcess.ReadyBound).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A client that sends the survey key to the survey routes and the analyst key elsewhere.</summary>
    public new HttpClient CreateClient() => CreateDefaultClient(new RoleKeyHandler());

    /// <summary>A client that sends <paramref name="key"/> (or no key) on every request.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = CreateDefaultClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

/// <summary>Adds the key of the role a request needs: survey for posting touchpoints and responses, analyst otherwise.</summary>
internal sealed class RoleKeyHandler : DelegatingHandler
{
    public static bool IsSurveyRoute(HttpMethod method, string path) =>
        method == HttpMethod.Post && path is "/api/touchpoints" or "/api/responses" or "/api/responses/import";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("X-Api-Key"))
        {
            var survey = IsSurveyRoute(request.Method, request.RequestUri!.AbsolutePath);
            request.Headers.Add("X-Api-Key", survey ? NpsApiFactory.SurveyKey : NpsApiFactory.AnalystKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

internal static class Api
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Touchpoint(string customer, string eventId) =>
        $$"""{ "customerId": "{{customer}}", "eventId": "{{eventId}}", "occurredAt": "2026-03-14T10:00:00+01:00", "channel": "phone", "team": "Billing" }""";

    public static string Response(string id, int rating = 9, string respondent = "C1", bool callback = false) =>
        $$"""{ "responseId": "{{id}}", "respondentId": "{{respondent}}", "rating": {{rating}}, "respondedAt": "2026-03-14T10:05:00+01:00", "team": "Billing", "comment": "Snel geholpen", "callbackRequested": {{(callback ? "true" : "false")}} }""";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))!;
}

/// <summary>A fresh API on a fresh SQLite file per test; to restart, dispose the factory and build another on <see cref="Database"/>.</summary>
public abstract class ApiTestBase : IDisposable
{
    internal ApiTestBase(Action<IWebHostBuilder>? configure = null)
    {
        Factory = new NpsApiFactory(Database.Path, configure);
        Client = Factory.CreateClient();
    }

    internal TempDatabase Database { get; } = new();

    internal NpsApiFactory Factory { get; }

    internal HttpClient Client { get; }

    /// <summary>The API's clock (fixed at <see cref="NpsApiFactory.Now"/> until a test moves it forward).</summary>
    internal FakeTimeProvider Clock => (FakeTimeProvider)Factory.Services.GetRequiredService<TimeProvider>();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// The messages of a start that fails, on <see cref="Database"/>, with its options validation failures. WebApplicationFactory
    /// can lose the race with the failed host's disposal and throw an <see cref="ObjectDisposedException"/> of its own
    /// instead of the start's exception (dotnet/aspnetcore#33494); such an attempt says nothing about the start, so it
    /// is repeated, at most 5 times.
    /// </summary>
    internal string StartFailure(Action<IWebHostBuilder> configure, bool withTestKeys = true)
    {
        Exception? exception = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var factory = new NpsApiFactory(Database.Path, configure, withTestKeys);
            exception = Record.Exception(() => factory.CreateClient());
            if (exception is not ObjectDisposedException { ObjectName: "IServiceProvider" }) break;
        }

        Assert.NotNull(exception);
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is Microsoft.Extensions.Options.OptionsValidationException validation) messages.AddRange(validation.Failures);
        }

        return string.Join("\n", messages);
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
