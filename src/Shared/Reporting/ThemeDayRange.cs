// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source), like UtcDayPlan.
namespace Nps.Reporting;

/// <summary>
/// How a theme count query over [From, To) reads a store's theme counts: the UTC days wholly inside it from the day
/// sums ([<see cref="FirstDay"/>, <see cref="LastDay"/>], none when first &gt; last), and the parts of the days cut by
/// From and To from the mentions themselves (<see cref="Head"/> and <see cref="Tail"/>, UTC ticks [From, To), empty
/// when From = To) — at most two days' mentions whatever the range, so any local period of any zone is exact.
/// </summary>
internal readonly record struct ThemeDayRange(int FirstDay, int LastDay, (long From, long To) Head, (long From, long To) Tail)
{
    /// <summary>The plan of [<paramref name="start"/>, <paramref name="until"/>) (null: no bound).</summary>
    public static ThemeDayRange Of(DateTimeOffset? start, DateTimeOffset? until)
    {
        var from = start?.UtcTicks ?? 0;
        var to = until?.UtcTicks ?? DateTimeOffset.MaxValue.UtcTicks + 1;
        if (to <= from) return new ThemeDayRange(1, 0, (0, 0), (0, 0));
        var firstDay = (int)((from + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay);
        var lastDay = (int)(to / TimeSpan.TicksPerDay) - 1;
        if (firstDay > lastDay) return new ThemeDayRange(1, 0, (from, to), (0, 0));
        return new ThemeDayRange(firstDay, lastDay, (from, firstDay * TimeSpan.TicksPerDay), ((lastDay + 1) * TimeSpan.TicksPerDay, to));
    }
}
