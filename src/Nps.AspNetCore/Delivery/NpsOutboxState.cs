using Nps.Delivery;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// What the outbox service last did, for its health check: whether it runs, when its last pass ended, and since when it
/// has been behind (passes that failed, came back full, or sent nothing while work was deferred).
/// </summary>
internal sealed class NpsOutboxState
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastPass;
    private DateTimeOffset? _behindSince;
    private string? _why;

    /// <summary>Whether delivery runs (a sender and a recipient directory are there).</summary>
    public bool Running { get; private set; }

    /// <summary>When the service started.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public void Started(DateTimeOffset at)
    {
        lock (_lock)
        {
            (Running, StartedAt) = (true, at);
        }
    }

    public void Stopped()
    {
        lock (_lock) Running = false;
    }

    /// <summary>Records a pass: caught up when it was not full and sent something or found nothing to do.</summary>
    public void Passed(DateTimeOffset at, OutboxPassResult pass, int batchSize)
    {
        var behind = pass.Claimed >= batchSize ? "every pass claims a full batch"
            : pass.Claimed > 0 && pass.Sent == 0 && pass.Deferred > 0 ? "passes send nothing and defer their work"
            : null;
        Record(at, behind);
    }

    /// <summary>Records a pass that threw.</summary>
    public void Faulted(DateTimeOffset at, Exception exception) => Record(at, "passes fail (" + exception.GetType().Name + ")");

    /// <summary>How long the outbox has been behind at <paramref name="now"/>, and why; zero when it is not.</summary>
    public (TimeSpan Behind, string? Why, DateTimeOffset? LastPass) Read(DateTimeOffset now)
    {
        lock (_lock)
        {
            var since = _lastPass ?? StartedAt;
            var stalled = now - since;
            var behind = _behindSince is { } b ? now - b : TimeSpan.Zero;
            return stalled > behind ? (stalled, _lastPass is null ? "no pass has ended yet" : "no pass has ended since " + since.ToString("O", System.Globalization.CultureInfo.InvariantCulture), _lastPass)
                : (behind, _why, _lastPass);
        }
    }

    private void Record(DateTimeOffset at, string? behind)
    {
        lock (_lock)
        {
            _lastPass = at;
            if (behind is null) (_behindSince, _why) = (null, null);
            else
            {
                _behindSince ??= at;
                _why = behind;
            }
        }
    }
}
