using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.Benchmarks;

/// <summary>
/// What <c>GET /api/reports/nps?by=…&amp;period=month</c> costs above the store: the report built from a store's
/// counts (<see cref="NpsCountSourceExtensions.BuildReportAsync"/>), its document and its JSON, on the counts of the
/// load test's 15,000 responses (12 teams, 300 agents, 2 years, monthly in Europe/Amsterdam as the web sample
/// reports, 1 in 50 a manual send). The counts come from memory, so the store's own time is left out. The whole route's library work (counts → report → document
/// → UTF-8 JSON, the baseline) and its stages alone, each a ratio of it.
/// </summary>
[MemoryDiagnoser]
public class CountReportBenchmarks
{
    private NpsReportOptions _options = null!;
    private CountRows _source = null!;
    private NpsReport _report = null!;
    private NpsReportDocument _document = null!;
    /// <summary>What a result needs to execute (a logger factory), as the host provides it.</summary>
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private Nps.AspNetCore.Api.ReportBodyCache _bodies = null!;

    /// <summary>The web sample's report zone (<c>Nps:DefaultTimeZone</c>).</summary>
    internal static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The responses counted.</summary>
    [Params(15_000)]
    public int Responses { get; set; }

    /// <summary>The report's dimensions (the <c>by</c> query value).</summary>
    [Params("team", "team,agent")]
    public string By { get; set; } = "team";

    /// <summary>The rows the store returns, built once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options = new NpsReportOptions { Dimensions = By.Split(','), Period = Period.Month, TimeZone = Zone };
        _source = new CountRows(LoadTestRows(Responses, _options.Dimensions, Zone));
        _report = BuildReport();
        _document = NpsReportDocument.From(_report);
        _bodies = new Nps.AspNetCore.Api.ReportBodyCache();
        KeptBody().GetAwaiter().GetResult(); // the first request keeps the body
    }

    /// <summary>
    /// The load test's responses (the seed of <c>benchmarks/load/run.sh</c>): evenly spread over two years from
    /// 2025-01-01, team i mod 12, agent i mod 300, a seeded random rating, every 50th a manual send.
    /// </summary>
    internal static IEnumerable<(DateTimeOffset At, string Team, string Agent, NpsRating Rating, bool IsManual)> LoadTestResponses(int responses)
    {
        var random = new Random(10);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(730).Ticks / responses;
        for (var i = 0; i < responses; i++)
        {
            yield return (start.AddTicks(i * step), $"team-{i % 12}", $"agent-{i % 300}", NpsRating.From(random.Next(11)), i % 50 == 0);
        }
    }

    /// <summary>The values of the report's dimensions (team, agent) for one response.</summary>
    internal static string?[] Values(IReadOnlyList<string> dimensions, string team, string agent) =>
        [.. dimensions.Select(d => d == "team" ? team : agent)];

    /// <summary>The rows a store's <c>GROUP BY month, dimensions, rating, manual</c> returns for the load test's responses.</summary>
    internal static List<NpsCountRow> LoadTestRows(int responses, IReadOnlyList<string> dimensions, TimeZoneInfo zone)
    {
        var groups = new Dictionary<(TimeBucket Month, string Key, NpsRating Rating, bool Manual), (long Count, string?[] Values)>();
        foreach (var (at, team, agent, rating, isManual) in LoadTestResponses(responses))
        {
            var values = Values(dimensions, team, agent);
            var key = (TimeBucket.Of(at, Period.Month, zone), string.Join('|', values), rating, isManual);
            groups[key] = groups.TryGetValue(key, out var group) ? (group.Count + 1, group.Values) : (1, values);
        }

        return [.. groups.Select(g => NpsCountRow.Unweighted(g.Key.Month, g.Value.Values, g.Key.Rating, g.Key.Manual, g.Value.Count))];
    }

    /// <summary>The route's library work: counts → report → document → JSON (UTF-8, to a null stream).</summary>
    [Benchmark(Baseline = true, Description = "counts → report → document → JSON")]
    public async Task Route()
    {
        var report = await _source.BuildReportAsync(_options);
        await NpsJson.SerializeAsync(Stream.Null, NpsReportDocument.From(report));
    }

    /// <summary>The route as it was: the same work, the JSON through the serializer's metadata path (what
    /// <c>TypedResults.Json</c> with the contract's type info did).</summary>
    [Benchmark(Description = "as before: counts → report → document → JSON, metadata path")]
    public async Task RouteBefore()
    {
        var report = await _source.BuildReportAsync(_options);
        await JsonSerializer.SerializeAsync(Stream.Null, NpsReportDocument.From(report), NpsJson.TypeInfo<NpsReportDocument>());
    }

    /// <summary>The web sample's route when the store's counts are those of the last request
    /// (<c>ReportBodyCache</c>): the rows compared as they are read, the kept body written to the response.</summary>
    [Benchmark(Description = "counts unchanged: rows compared, kept body written (ReportBodyCache)")]
    public async Task KeptBody()
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Response.Body = Stream.Null;
        var result = Nps.AspNetCore.Api.ReportRevalidation.Body(await _bodies.BodyAsync(_source, _options, null, null, CancellationToken.None));
        await result.ExecuteAsync(context);
        await context.Response.BodyWriter.FlushAsync();
    }

    /// <summary>The web sample's route when the counts differ from every kept body's (a new response came in):
    /// built, serialised into a body, rows and body kept.</summary>
    [Benchmark(Description = "counts changed: built, body kept (ReportBodyCache)")]
    public async Task NewBody()
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Response.Body = Stream.Null;
        var result = Nps.AspNetCore.Api.ReportRevalidation.Body(await new Nps.AspNetCore.Api.ReportBodyCache().BodyAsync(_source, _options, null, null, CancellationToken.None));
        await result.ExecuteAsync(context);
        await context.Response.BodyWriter.FlushAsync();
    }

    /// <summary>The body the route sends (kept or built), for the smoke run's cross-check.</summary>
    internal string RouteBody() =>
        System.Text.Encoding.UTF8.GetString(_bodies.BodyAsync(_source, _options, null, null, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>Only reading the rows, adding each to a builder.</summary>
    [Benchmark(Description = "builder.Add(row) only")]
    public int AddRows()
    {
        var builder = new NpsReportBuilder(_options);
        foreach (var row in _source.Rows) builder.Add(in row);
        return builder.CellCount;
    }

    /// <summary>Counts → report (statistics, tests, Benjamini–Hochberg, ordering).</summary>
    [Benchmark(Description = "counts → report")]
    public NpsReport Report() => BuildReport();

    /// <summary>Report → document.</summary>
    [Benchmark(Description = "report → document")]
    public NpsReportDocument Document() => NpsReportDocument.From(_report);

    /// <summary>Document → JSON (UTF-8, to a null stream).</summary>
    [Benchmark(Description = "document → JSON")]
    public Task Json() => NpsJson.SerializeAsync(Stream.Null, _document);

    /// <summary>Document → JSON through the serializer's metadata path, as <c>NpsJson</c> wrote before it took the
    /// source generator's fast path (the serializer refuses that path with the contract's relaxed encoder).</summary>
    [Benchmark(Description = "document → JSON, serializer's metadata path")]
    public Task JsonThroughMetadata() => JsonSerializer.SerializeAsync(Stream.Null, _document, NpsJson.TypeInfo<NpsReportDocument>());

    /// <summary>The same report from the responses one by one (the smoke run's cross-check).</summary>
    internal NpsReport ReportFromResponses()
    {
        var builder = new NpsReportBuilder(_options);
        foreach (var (at, team, agent, rating, isManual) in LoadTestResponses(Responses))
        {
            builder.Add(at, rating, Values(_options.Dimensions, team, agent), 1, isManual);
        }

        return builder.Build();
    }

    private NpsReport BuildReport() => _source.BuildReportAsync(_options).GetAwaiter().GetResult();

    /// <summary>A count source over rows in memory, as a store hands them back.</summary>
    internal sealed class CountRows(List<NpsCountRow> rows) : INpsCountSource
    {
        public List<NpsCountRow> Rows { get; } = rows;

        public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            foreach (var row in Rows) yield return row;
        }
    }
}
