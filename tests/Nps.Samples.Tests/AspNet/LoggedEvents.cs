using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Nps.Samples.Tests.AspNet;

/// <summary>A readiness signal per log event id: <see cref="WhenLoggedAsync"/> completes once the host logged the event (at any time) the nth time.</summary>
internal sealed class LoggedEvents : ILoggerProvider
{
    private readonly ConcurrentDictionary<(int EventId, int Nth), TaskCompletionSource> _seen = new();
    private readonly ConcurrentDictionary<int, StrongBox<int>> _counts = new();

    /// <summary>Completes once an event with the id was logged <paramref name="nth"/> times, before or after the call.</summary>
    public Task WhenLoggedAsync(int eventId, int nth = 1) => Seen(eventId, nth).Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private TaskCompletionSource Seen(int eventId, int nth) =>
        _seen.GetOrAdd((eventId, nth), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Logged(int eventId) => Seen(eventId, Interlocked.Increment(ref _counts.GetOrAdd(eventId, _ => new StrongBox<int>()).Value)).TrySetResult();

    private sealed class Logger(LoggedEvents events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Logged(eventId.Id);
    }
}
