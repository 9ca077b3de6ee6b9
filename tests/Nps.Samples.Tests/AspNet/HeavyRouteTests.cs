using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nps.AspNetCore;
using Nps.AspNetCore.Hosting;
using Nps.Segmentation;

namespace Nps.Samples.Tests.AspNet;

/// <summary>The heavy analyst routes: a concurrency limit with 503 beyond it, and counting that stops with the request.</summary>
public sealed class HeavyRouteTests : ApiTestBase
{
    private static readonly string[] HeavyRoutes =
        ["/api/reports/nps", "/api/insights/coaching", "/api/insights/themes", "/api/huddle", "/api/ambitions"];

    [Fact]
    public void MapNpsApi_HeavyRoutes_CarryTheReportConcurrencyPolicyAndHealthRoutesNone()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        foreach (var route in HeavyRoutes)
        {
            var endpoint = Assert.Single(endpoints, e => "/" + e.RoutePattern.RawText?.TrimStart('/') == route);
            Assert.Equal(ReportConcurrencyPolicy.Name, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }
        var import = Assert.Single(endpoints, e => e.RoutePattern.RawText == "/api/responses/import");
        Assert.Equal(ImportConcurrencyPolicy.Name, import.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        foreach (var health in endpoints.Where(e => e.RoutePattern.RawText?.StartsWith("/healthz", StringComparison.Ordinal) == true))
        {
            Assert.NotNull(health.Metadata.GetMetadata<DisableRateLimitingAttribute>());
            Assert.Null(health.Metadata.GetMetadata<EnableRateLimitingAttribute>());
        }
    }

    [Fact]
    public void ReportConcurrencyPolicy_BeyondTheLimitAndItsQueue_RefusesAtOnceAndAdmitsAgainAfterARelease()
    {
        var policy = new ReportConcurrencyPolicy(Options.Create(new NpsWebOptions { MaxConcurrentReports = 2, MaxQueuedReports = 0 }));
        var partition = policy.GetPartition(new DefaultHttpContext());
        using var limiter = partition.Factory(partition.PartitionKey);

        using var first = limiter.AttemptAcquire();
        var second = limiter.AttemptAcquire();
        using var third = limiter.AttemptAcquire();
        second.Dispose();
        using var fourth = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(third.IsAcquired);
        Assert.True(fourth.IsAcquired);
        Assert.NotNull(policy.OnRejected);
    }

    /// <summary>Team and channel: counted by a statement that streams its groups (one dimension, or team and agent, come from the rollups).</summary>
    [Fact]
    public async Task Report_RequestAbortedWhileCounting_SqliteStopsCounting()
    {
        var watch = new WatchedCounts();
        using var factory = new NpsApiFactory(Database.Path, builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(INpsCountSource));
            services.Remove(original);
            services.AddSingleton<INpsCountSource>(provider => watch.Wrap((INpsCountSource)original.ImplementationFactory!(provider)));
        }));
        using var client = factory.CreateClient();
        var csv = new StringBuilder("response_id,responded_at,rating,team,channel\n");
        for (var i = 0; i < 20; i++) csv.Append(CultureInfo.InvariantCulture, $"A{i},2026-03-{10 + i % 4}T10:05:00+01:00,{i % 11},T{i},C{i}\n");
        using var import = await client.PostAsync("/api/responses/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Token);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var request = client.GetAsync("/api/reports/nps?by=team,channel&period=day", abort.Token);
        await watch.FirstRowRead.Task.WaitAsync(Token);
        await abort.CancelAsync();
        var ended = await watch.Ended.Task.WaitAsync(Token);

        Assert.IsAssignableFrom<OperationCanceledException>(ended);
        Assert.True(watch.RowsRead < 20, $"{watch.RowsRead} rows read after the abort");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    /// <summary>
    /// Passes the store's count rows through; after the first it waits for the request to be aborted, then asks the
    /// store for more, and records how the store's enumeration ended.
    /// </summary>
    private sealed class WatchedCounts
    {
        public TaskCompletionSource FirstRowRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<Exception?> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int RowsRead { get; private set; }

        public INpsCountSource Wrap(INpsCountSource inner) => new Source(this, inner);

        private sealed class Source(WatchedCounts watch, INpsCountSource inner) : INpsCountSource
        {
            public async IAsyncEnumerable<NpsCountRow> CountAsync(NpsCountQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                var rows = inner.CountAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
                try
                {
                    while (true)
                    {
                        NpsCountRow row;
                        try
                        {
                            if (!await rows.MoveNextAsync()) break;
                            row = rows.Current;
                        }
                        catch (Exception exception)
                        {
                            watch.Ended.TrySetResult(exception);
                            throw;
                        }

                        watch.RowsRead++;
                        if (watch.RowsRead == 1)
                        {
                            watch.FirstRowRead.TrySetResult();
                            // Readiness, not time: go on once the request's token has fired.
                            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            await using (cancellationToken.Register(() => aborted.TrySetResult())) await aborted.Task.WaitAsync(TestContext.Current.CancellationToken);
                        }
                        yield return row;
                    }
                    watch.Ended.TrySetResult(null);
                }
                finally
                {
                    await rows.DisposeAsync();
                }
            }
        }
    }
}
