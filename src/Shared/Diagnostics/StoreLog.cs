using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Diagnostics;

/// <summary>
/// A store's log and timing: every operation is timed (<see cref="NpsTelemetry.StoreOperationDuration"/> and an
/// activity), and one slower than <see cref="SlowOperation"/> is logged; migrations are logged. Messages carry the
/// database system, operation names and numbers only, never a customer, response or token.
/// </summary>
internal sealed partial class StoreLog(ILoggerFactory? loggerFactory, string system)
{
    /// <summary>An operation at least this long is logged as slow.</summary>
    public static readonly TimeSpan SlowOperation = TimeSpan.FromSeconds(1);

    private readonly ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Nps.Stores");

    /// <summary>Starts timing an operation (the caller's name unless given); dispose the scope when it ends.</summary>
    public StoreScope Start([CallerMemberName] string operation = "") => new(NpsTelemetry.StartStoreOperation(system, operation), this, operation);

    /// <summary>Logs a schema migration (nothing when the schema was current).</summary>
    public void Migrated(int from, int to)
    {
        if (to > from) LogMigrated(logger, system, from, to);
    }

    internal void Ended(string operation, TimeSpan elapsed)
    {
        if (elapsed >= SlowOperation) LogSlow(logger, system, operation, (long)elapsed.TotalMilliseconds);
    }

    [LoggerMessage(EventId = 2000, EventName = "SchemaMigrated", Level = LogLevel.Information,
        Message = "The {DbSystem} schema was migrated from version {From} to {To}.")]
    private static partial void LogMigrated(ILogger logger, string dbSystem, int from, int to);

    [LoggerMessage(EventId = 2001, EventName = "SlowOperation", Level = LogLevel.Warning,
        Message = "The {DbSystem} store operation {Operation} took {ElapsedMilliseconds} ms.")]
    private static partial void LogSlow(ILogger logger, string dbSystem, string operation, long elapsedMilliseconds);
}

/// <summary>One timed store operation (<see cref="StoreLog.Start"/>).</summary>
internal readonly struct StoreScope(StoreOperation operation, StoreLog log, string name) : IDisposable
{
    /// <summary>Marks the operation failed.</summary>
    public void Failed(Exception exception) => operation.Failed(exception);

    /// <summary>Ends the operation: records its time and logs it when slow.</summary>
    public void Dispose()
    {
        operation.Dispose();
        log.Ended(name, operation.Elapsed);
    }
}
