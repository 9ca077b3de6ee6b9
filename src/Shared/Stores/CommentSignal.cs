using Nps.Insights;

// Compiled into Nps.Core (the in-memory store) and Nps.Sqlite (linked source, internal in each).
namespace Nps.Stores;

/// <summary>
/// The in-process <see cref="IThemeCountNotifications"/> of a store whose writers all run in this process: its add
/// calls <see cref="Stored"/> after a commit that stored a comment, and each listener is called.
/// </summary>
internal sealed class CommentSignal
{
    private readonly Lock _gate = new();
    private Action[] _listeners = [];

    /// <summary>Comments were committed: calls every listener.</summary>
    public void Stored()
    {
        foreach (var listener in Volatile.Read(ref _listeners)) listener();
    }

    /// <summary>Calls <paramref name="commentsStored"/> after each commit that stored comments until cancelled.</summary>
    public async Task ListenAsync(Action listening, Action commentsStored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listening);
        ArgumentNullException.ThrowIfNull(commentsStored);
        cancellationToken.ThrowIfCancellationRequested();
        Action listener = () => commentsStored(); // its own instance, so the same delegate listening twice is removed once
        lock (_gate) _listeners = [.. _listeners, listener];
        try
        {
            listening();
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
        }
    }
}
