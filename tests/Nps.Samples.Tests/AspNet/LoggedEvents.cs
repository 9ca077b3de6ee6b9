using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nps.Samples.Tests.AspNet;

/// <summary>A readiness signal per log event id: <see cref="WhenLoggedAsync"/> completes once the host logged the event (at any time).</summary>
internal sealed class LoggedEvents : ILoggerProvider
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _seen = new();

    /// <summary>Completes once an event with the id was logged, before or after the call.</summary>
    public Task WhenLoggedAsync(int eventId) => Seen(eventId).Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private TaskCompletionSource Seen(int eventId) => _seen.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Logger(LoggedEvents events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events.Seen(eventId.Id).TrySetResult();
    }
}
