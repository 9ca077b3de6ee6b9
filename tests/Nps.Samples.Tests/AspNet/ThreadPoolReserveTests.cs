using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nps.AspNetCore;
using Nps.AspNetCore.Hosting;
using Nps.Stores.Tests.PostgreSql;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The thread-pool reserve applies only on a store whose calls block (SQLite), never on PostgreSQL, and never lowers
/// the pool's minimum. The pool is process-wide, so the PostgreSQL case asserts the decision, not the pool.
/// </summary>
public sealed class ThreadPoolReserveTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_SqliteStore_RaisesTheMinimumToTheWantedWorkers()
    {
        using var database = new TempDatabase();
        using var factory = new NpsApiFactory(database.Path);

        Assert.True(await Reserve(factory).Applies.WaitAsync(Bound, Token));
        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= NpsThreadPoolReserve.WantedWorkers(factory.Services.GetRequiredService<IOptions<NpsWebOptions>>().Value));
    }

    [Fact]
    public async Task Start_PostgreSqlStore_LeavesThePoolAlone()
    {
        var (connectionString, drop) = await PostgreSqlTestServer.CreateSchemaAsync();
        try
        {
            using var database = new TempDatabase();
            using var factory = new NpsApiFactory(database.Path, builder =>
            {
                builder.UseSetting("Nps:Store", "postgresql");
                builder.UseSetting("ConnectionStrings:Nps", connectionString);
            });

            Assert.False(await Reserve(factory).Applies.WaitAsync(Bound, Token));
        }
        finally
        {
            await drop();
        }
    }

    private static NpsThreadPoolReserve Reserve(NpsApiFactory factory) =>
        factory.Services.GetServices<IHostedService>().OfType<NpsThreadPoolReserve>().Single();
}
