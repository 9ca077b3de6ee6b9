using Microsoft.Extensions.Options;
using Nps.Intake;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Keeps thread-pool threads for light requests (the health probes above all) while heavy work holds threads, on a
/// store whose calls block (<see cref="IStoreThreading.RunsSynchronously"/>: SQLite, where every store call runs
/// synchronously under its async API): each heavy route and import in flight (an import also reads its body
/// synchronously), and the background theme matcher's page, then holds a pool thread for its whole run. The pool starts
/// with one worker per core and adds more only about twice a second when all are busy, so with as many heavy requests
/// as cores a probe waited for a thread rather than for the CPU. Once the stores are open it raises the pool's minimum
/// worker count to the cores plus the most threads that work can hold
/// (<see cref="NpsWebOptions.MaxConcurrentReports"/> + <see cref="NpsWebOptions.MaxConcurrentImports"/> + 1); it never
/// lowers a minimum the host set, and leaves the pool alone on a store whose calls are asynchronous (PostgreSQL, in
/// memory). Threads up to the minimum are made when needed, not up front.
/// </summary>
internal sealed partial class NpsThreadPoolReserve(
    IServiceProvider services, NpsStartup startup, IOptions<NpsWebOptions> options, ILogger<NpsThreadPoolReserve> logger) : BackgroundService
{
    private readonly TaskCompletionSource<bool> _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the reserve applies (the response store's calls block), once the stores are open.</summary>
    internal Task<bool> Applies => _decided.Task;

    /// <summary>The minimum worker count wanted: the cores, plus the threads heavy routes, imports and the background matcher can hold.</summary>
    public static int WantedWorkers(NpsWebOptions options) =>
        Environment.ProcessorCount + options.MaxConcurrentReports + options.MaxConcurrentImports + 1;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!startup.IsReady)
        {
            _decided.TrySetCanceled(stoppingToken);
            return; // stopping, or start-up failed (the start-up service reports that)
        }

        var applies = services.GetService<IResponseStore>() is IStoreThreading { RunsSynchronously: true };
        if (applies)
        {
            ThreadPool.GetMinThreads(out var workers, out var completionPorts);
            var wanted = WantedWorkers(options.Value);
            if (wanted > workers && ThreadPool.SetMinThreads(wanted, completionPorts)) LogRaised(logger, workers, wanted);
        }

        _decided.TrySetResult(applies);
    }

    [LoggerMessage(EventId = 2400, EventName = "ThreadPoolMinimumRaised", Level = LogLevel.Information,
        Message = "The thread pool keeps at least {Workers} worker threads (was {Before}): heavy routes and imports hold threads while they run on a store whose calls block.")]
    private static partial void LogRaised(ILogger logger, int before, int workers);
}
