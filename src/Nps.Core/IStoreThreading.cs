namespace Nps;

/// <summary>
/// How a store's calls use threads, for a host that plans its thread pool: Nps.AspNetCore keeps pool threads for
/// light requests (the health probes) only when the response store says its calls block.
/// </summary>
public interface IStoreThreading
{
    /// <summary>
    /// Whether the store's asynchronous methods run synchronously on the calling thread (SQLite through
    /// Microsoft.Data.Sqlite), so each call in flight holds a thread-pool thread for its whole run.
    /// </summary>
    bool RunsSynchronously { get; }
}
