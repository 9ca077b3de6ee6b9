using System.Threading.Channels;
using Nps.Insights;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Where the background theme matcher stands (registered by <c>AddNpsWeb</c>): the comments it last saw waiting
/// (<see cref="Pending"/>), a wake-up (the store sends one where comments are written, see <see cref="IThemeCountNotifications"/>), and
/// <see cref="WhenCurrentAsync"/>, which completes once a pass that began after the call found the store's theme
/// counts current. The themes route never matches comments itself; it answers from the counts as they stand.
/// </summary>
public sealed class NpsThemeMatching
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private List<TaskCompletionSource> _waiters = [];
    private long _pending = -1;

    /// <summary>The longest wait between passes without a wake-up (a seam for tests that must see a wake, not the fallback).</summary>
    internal TimeSpan FallbackInterval { get; init; } = NpsThemeMatcherService.Interval;

    /// <summary>The stored comments not yet matched into the theme counts, as the last pass counted them; null before the first pass ends.</summary>
    public long? Pending => Interlocked.Read(ref _pending) is var pending and >= 0 ? pending : null;

    /// <summary>How many passes in a row failed (the store did not answer); 0 after a pass that worked.</summary>
    public int FailedPasses { get; private set; }

    /// <summary>Asks the matcher to run a pass soon (comments were stored where no store announces them, e.g. SQL by hand); cheap, and never blocks.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Completes when a pass that began after this call has found the store's theme counts current (every stored
    /// comment matched), which is what a caller that stored responses and wants them in the themes waits on.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The wait.</returns>
    public Task WhenCurrentAsync(CancellationToken cancellationToken = default)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waiters.Add(waiter);
        Wake();
        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The waiters a pass that begins now will answer.</summary>
    internal List<TaskCompletionSource> BeginPass()
    {
        lock (_gate)
        {
            var taken = _waiters;
            _waiters = [];
            return taken;
        }
    }

    /// <summary>A pass ended: its waiters complete when the counts are current, else wait for the next pass.</summary>
    internal void PassEnded(List<TaskCompletionSource> waiters, ThemeCountUpdate update)
    {
        Interlocked.Exchange(ref _pending, update.Pending);
        FailedPasses = 0;
        if (update.IsCurrent) Complete(waiters);
        else Return(waiters);
    }

    /// <summary>A pass failed: its waiters wait for the next pass.</summary>
    internal void PassFailed(List<TaskCompletionSource> waiters)
    {
        FailedPasses++;
        Return(waiters);
    }

    /// <summary>Nothing to match (the store keeps no theme counts): every waiter, now and later, completes.</summary>
    internal void NothingToMatch(List<TaskCompletionSource> waiters)
    {
        Interlocked.Exchange(ref _pending, 0);
        Complete(waiters);
    }

    /// <summary>Waits for a wake-up or until <paramref name="interval"/> has passed.</summary>
    internal async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(interval, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The periodic pass: what no store announced (SQLite written by another process, a broken listening) is matched too.
        }
    }

    private static void Complete(List<TaskCompletionSource> waiters)
    {
        foreach (var waiter in waiters) waiter.TrySetResult();
    }

    private void Return(List<TaskCompletionSource> waiters)
    {
        if (waiters.Count == 0) return;
        lock (_gate) _waiters.AddRange(waiters);
    }
}
