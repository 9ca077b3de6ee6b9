using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
/// after the times the tests send) so outcomes are deterministic.
/// </summary>
internal sealed class NpsApiFactory(string databasePath) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Nps", $"Data Source={databasePath}");
        builder.UseSetting("Nps:Sampling:Policies:1:Rate", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
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
    internal ApiTestBase()
    {
        Factory = new NpsApiFactory(Database.Path);
        Client = Factory.CreateClient();
    }

    internal TempDatabase Database { get; } = new();

    internal NpsApiFactory Factory { get; }

    internal HttpClient Client { get; }

    /// <summary>The API's clock (fixed at <see cref="NpsApiFactory.Now"/> until a test moves it forward).</summary>
    internal FakeTimeProvider Clock => (FakeTimeProvider)Factory.Services.GetRequiredService<TimeProvider>();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
