using System.Diagnostics;

namespace Nps.Diagnostics;

/// <summary>One timed store operation (<see cref="NpsTelemetry.StartStoreOperation"/>): an activity while it runs, its time recorded when disposed.</summary>
public sealed class StoreOperation : IDisposable
{
    private readonly string system;
    private readonly string operation;
    private readonly Activity? activity;
    private readonly long started = Stopwatch.GetTimestamp();
    private bool disposed;

    internal StoreOperation(string system, string operation, ActivitySource source)
    {
        this.system = system;
        this.operation = operation;
        activity = source.StartActivity(NpsTelemetry.StoreActivity, ActivityKind.Client);
        activity?.SetTag(NpsTelemetry.DbSystemTag, system);
        activity?.SetTag(NpsTelemetry.DbOperationTag, operation);
    }

    /// <summary>How long the operation has run.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    /// <summary>Marks the operation failed (the activity's status; the exception's type only, never its message).</summary>
    /// <param name="exception">What failed.</param>
    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    /// <summary>Ends the activity and records the time.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        NpsTelemetry.StoreOperationEnded(system, operation, Elapsed);
        activity?.Dispose();
    }
}
