namespace Nps.Sampling;

/// <summary>
/// Counts one policy's invitations in the current quota period. Kept per program instance (in memory): with
/// several instances, give each a share of the quota; a restart within a period starts the count again.
/// </summary>
internal sealed class QuotaCounter(QuotaOptions options, DateTimeOffset epoch)
{
    private readonly Lock _gate = new();
    private readonly long _periodTicks = TimeSpan.FromDays(options.PeriodDays).Ticks;
    private long _period = long.MinValue;
    private int _used;

    public bool TryReserve(DateTimeOffset now)
    {
        var period = PeriodOf(now);
        lock (_gate)
        {
            if (period != _period) { _period = period; _used = 0; }
            if (_used >= options.MaxInvitations) return false;
            _used++;
            return true;
        }
    }

    public void Release(DateTimeOffset now)
    {
        var period = PeriodOf(now);
        lock (_gate)
        {
            if (period == _period && _used > 0) _used--;
        }
    }

    private long PeriodOf(DateTimeOffset now)
    {
        var ticks = (now - epoch).Ticks;
        return ticks >= 0 ? ticks / _periodTicks : ((ticks + 1) / _periodTicks) - 1;
    }
}
