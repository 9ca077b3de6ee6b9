using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nps.AspNetCore;
using Nps.AspNetCore.Hosting;
using Nps.AspNetCore.Security;
using Nps.Segmentation;
using Nps.Sqlite;

namespace Nps.Benchmarks;

/// <summary>
/// <c>--route-server PORT SECONDS</c>: the web sample's host (the same <c>Nps.AspNetCore</c> calls as its
/// <c>Program</c>, with its appsettings: host filtering, API keys, rate limiter, routing, the report endpoint) on Kestrel at 127.0.0.1:PORT, Development keys, logging at Warning as
/// <c>benchmarks/load/run.sh</c> runs it, but with the store's counter replaced by the load test's counts held in
/// memory (<see cref="LoadTestCounts"/>). <c>wrk</c> against it gives the route's ceiling with a free store: what
/// everything above the store allows per second. Stops by itself after SECONDS, or on Ctrl+C or SIGTERM.
/// </summary>
internal static class RouteServer
{
    public static async Task<int> Run(int port, int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("nps-route-server-");
        try
        {
            await using (var app = Build(Path.Combine(directory.FullName, "nps.db"), port))
            {
                await app.StartAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"route server on http://127.0.0.1:{port} for {seconds} s (counts from memory: {LoadTestCounts.Responses:N0} responses)"));
                // Until SECONDS pass or the process is asked to stop (Ctrl+C, SIGTERM).
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
                void Stop(System.Runtime.InteropServices.PosixSignalContext signal)
                {
                    signal.Cancel = true;
                    stop.Cancel();
                }

                using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
                using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
                await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The sample's pipeline from the package, on the sample's configuration (Development keys), counts from memory.</summary>
    private static WebApplication Build(string databasePath, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = SampleDirectory(), EnvironmentName = "Development" });
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nps:SeedFile"] = "", ["RateLimiting:PermitLimit"] = "1000000000", ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddNpsRequestLimits();
        builder.Services.AddNpsApiKeys(builder.Configuration);
        builder.Services.AddNpsRateLimiting(builder.Configuration);
        builder.Services.AddNpsWeb();
        builder.Services.AddNpsSqlite($"Data Source={databasePath}");
        builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
        builder.Services.RemoveAll<INpsCountSource>().AddSingleton<INpsCountSource>(new LoadTestCounts());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapNpsHealthChecks();
        app.MapNpsApi();
        return app;
    }

    /// <summary>The web sample's project folder (its appsettings), found above the running benchmark.</summary>
    private static string SampleDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sample = Path.Combine(directory.FullName, "samples", "Nps.Samples.AspNet");
            if (File.Exists(Path.Combine(directory.FullName, "Nps.Core.sln")) && Directory.Exists(sample)) return sample;
        }

        throw new DirectoryNotFoundException("The repository's samples/Nps.Samples.AspNet was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The counts a store returns for the load test's responses (<see cref="CountReportBenchmarks.LoadTestResponses"/>),
    /// computed once per query and then served from memory: only the library and the host are left to measure.
    /// </summary>
    internal sealed class LoadTestCounts : INpsCountSource
    {
        public const int Responses = 15_000;

        private readonly ConcurrentDictionary<string, List<NpsCountRow>> _rows = new(StringComparer.Ordinal);

        public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            var key = string.Join(',', query.Dimensions) + "|" + query.Period + "|" + query.TimeZone.Id + "|" + query.From?.UtcTicks + "|" + query.To?.UtcTicks;
            foreach (var row in _rows.GetOrAdd(key, _ => Count(query))) yield return row;
        }

        private static List<NpsCountRow> Count(NpsCountQuery query)
        {
            var groups = new Dictionary<(TimeBucket? Period, string Key, NpsRating Rating, bool Manual), (long Count, string?[] Values)>();
            foreach (var (at, team, agent, rating, isManual) in CountReportBenchmarks.LoadTestResponses(Responses))
            {
                if (!query.Covers(at)) continue;
                string?[] values = [.. query.Dimensions.Select(d => NpsCountQuery.BuiltInDimension(d) switch { "team" => team, "agent" => agent, _ => null })];
                TimeBucket? period = query.Period is { } p ? TimeBucket.Of(at, p, query.TimeZone) : null;
                var key = (period, string.Join('\u001f', values.Select(v => v ?? "\u0000")), rating, isManual);
                groups[key] = groups.TryGetValue(key, out var group) ? (group.Count + 1, group.Values) : (1, values);
            }

            return [.. groups.Select(g => NpsCountRow.Unweighted(g.Key.Period, g.Value.Values, g.Key.Rating, g.Key.Manual, g.Value.Count))];
        }
    }
}
