using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nps.Diagnostics;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The sample as a real process with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointing at a loopback OTLP/HTTP receiver:
/// the <c>Nps</c> meter's instruments and the <c>Nps</c> source's activities arrive there, with ASP.NET Core's spans.
/// (OTLP protobuf keeps names as plain UTF-8, so the names are found in the bodies as they are.)
/// </summary>
public sealed class OpenTelemetryTests : IDisposable
{
    private readonly TempDatabase database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Start_OtlpEndpointSet_NpsMetricsAndTracesExported()
    {
        var received = new ConcurrentDictionary<string, StringBuilder>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var text = received.GetOrAdd(signal, _ => new StringBuilder());
            lock (text) text.Append(Encoding.UTF8.GetString(body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync(Token);
        var endpoint = receiver.Urls.First();

        using var sample = SampleProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Nps"] = $"Data Source={database.Path}",
            ["Nps__SeedFile"] = "",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        var address = await sample.ReadyAsync(Token);
        using var client = new HttpClient { BaseAddress = address };
        using var touchpoint = new HttpRequestMessage(HttpMethod.Post, "/api/touchpoints") { Content = Api.Json(Api.Touchpoint("C1", "E1")) };
        touchpoint.Headers.Add("X-Api-Key", "survey-dev-key");
        using var decided = await client.SendAsync(touchpoint, Token);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        await sample.UntilAsync(() => Has(received, "metrics", NpsTelemetry.Decisions) && Has(received, "metrics", NpsTelemetry.StoreOperationDuration) &&
            Has(received, "traces", NpsTelemetry.StoreActivity) && Has(received, "traces", "/api/touchpoints"), "the telemetry exported", Token);

        Assert.True(Has(received, "metrics", NpsTelemetry.OutcomeTag));
        Assert.True(Has(received, "traces", "db.system.name"));
        Assert.False(Has(received, "traces", "/healthz"), "health probes are left out of traces");
    }

    private static bool Has(ConcurrentDictionary<string, StringBuilder> received, string signal, string text)
    {
        if (!received.TryGetValue(signal, out var body)) return false;
        lock (body) return body.ToString().Contains(text, StringComparison.Ordinal);
    }
}
