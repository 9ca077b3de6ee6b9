using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Keeps thread-pool threads for light requests (the health probes above all) while heavy work holds threads: on
/// SQLite every store call runs synchronously under its async API (Microsoft.Data.Sqlite), and an import reads its body
/// synchronously, so each heavy route and import in flight, and the background theme matcher's page, holds a pool
/// thread for its whole run. The pool starts with one worker per core and adds more only about twice a second when all
/// are busy, so with as many heavy requests as cores a probe waited for a thread rather than for the CPU. At start this
/// raises the pool's minimum worker count to the cores plus the most threads that work can hold
/// (<see cref="NpsWebOptions.MaxConcurrentReports"/> + <see cref="NpsWebOptions.MaxConcurrentImports"/> + 1); it never
/// lowers a minimum the host set. Threads up to the minimum are made when needed, not up front.
/// </summary>
internal sealed partial class NpsThreadPoolReserve(IOptions<NpsWebOptions> options, ILogger<NpsThreadPoolReserve> logger) : IHostedService
{
    /// <summary>The minimum worker count wanted: the cores, plus the threads heavy routes, imports and the background matcher can hold.</summary>
    public static int WantedWorkers(NpsWebOptions options) =>
        Environment.ProcessorCount + options.MaxConcurrentReports + options.MaxConcurrentImports + 1;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var wanted = WantedWorkers(options.Value);
        if (wanted > workers && ThreadPool.SetMinThreads(wanted, completionPorts)) LogRaised(logger, workers, wanted);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2400, EventName = "ThreadPoolMinimumRaised", Level = LogLevel.Information,
        Message = "The thread pool keeps at least {Workers} worker threads (was {Before}): heavy routes and imports hold threads while they run.")]
    private static partial void LogRaised(ILogger logger, int before, int workers);
}
