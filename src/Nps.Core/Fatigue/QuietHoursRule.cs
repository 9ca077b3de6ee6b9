using System.Globalization;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>
/// Quiet hours and allowed days, evaluated on the customer's local clock. Finds the first allowed instant at
/// or after a moment, across DST changes:
/// <list type="bullet">
/// <item>a boundary that falls in a spring-forward gap (e.g. 02:30 on the day clocks jump 02:00 → 03:00) moves
/// to the first valid instant after the gap (03:00 local, the transition itself);</item>
/// <item>a boundary that occurs twice in a fall-back overlap is taken at its first occurrence (the earlier UTC
/// instant, with the daylight offset); the second occurrence is also a candidate when the first has passed;</item>
/// <item>a fall-back jump that returns the clock to an allowed time starts an allowed period at the jump.</item>
/// </list>
/// </summary>
internal sealed class QuietHoursRule
{
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;
    private readonly bool[] _allowedDays = new bool[7];

    public QuietHoursRule(QuietHoursOptions options)
    {
        _start = options.Start;
        _end = options.End;
        Scope = options.Scope.Snapshot();
        if (options.AllowedDays.Count == 0) Array.Fill(_allowedDays, true);
        foreach (var day in options.AllowedDays) _allowedDays[(int)day] = true;
    }

    public SurveyScope Scope { get; }

    /// <summary>The first instant at or after <paramref name="now"/> that is allowed in the zone, and the rule that moved it (if any).</summary>
    public (DateTimeOffset SendAt, string? Rule, string? Reason) NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (IsAllowed(local.DateTime)) return (now, null, null);

        // Walk the local days forward; the allowed periods start at a quiet-hours end or at a midnight (a new
        // allowed day). Boundaries more than a few hours before now cannot be at or after now, whatever the DST
        // shift, so they are skipped; one day past the first hit is enough to be sure it is the earliest.
        var localNow = local.DateTime;
        var today = DateOnly.FromDateTime(localNow);
        DateTimeOffset? best = null;
        var bestDay = 0;
        Span<DateTimeOffset> instants = stackalloc DateTimeOffset[2];
        for (var d = -1; d <= 8 && (best is null || d <= bestDay + 1); d++)
        {
            var date = today.AddDays(d);

            // A fall-back jump can also start an allowed period (the clock returns to a time outside quiet hours).
            if (OffsetChangeOn(date, zone) is { } transition && transition >= now && (best is null || transition < best) &&
                IsAllowed(TimeZoneInfo.ConvertTime(transition, zone).DateTime))
            {
                best = transition;
                bestDay = d;
            }

            foreach (var boundary in (ReadOnlySpan<DateTime>)[date.ToDateTime(TimeOnly.MinValue), date.ToDateTime(_end)])
            {
                if (boundary < localNow.AddHours(-4)) continue;
                var count = Instants(boundary, zone, instants);
                foreach (var candidate in instants[..count])
                {
                    if (candidate < now || (best is { } b && candidate >= b)) continue;
                    if (!IsAllowed(TimeZoneInfo.ConvertTime(candidate, zone).DateTime)) continue;
                    best = candidate;
                    bestDay = d;
                }
            }
        }

        if (best is { } sendAt)
        {
            var sendLocal = TimeZoneInfo.ConvertTime(sendAt, zone);
            var rule = _allowedDays[(int)local.DayOfWeek] ? FatigueRuleNames.QuietHours : FatigueRuleNames.AllowedDays;
            var why = rule == FatigueRuleNames.QuietHours
                ? $"{Format(_start)}–{Format(_end)} is quiet in {zone.Id}"
                : $"{local.DayOfWeek} is not an allowed send day in {zone.Id}";
            return (sendAt, rule, $"{why}; deferred to {sendLocal.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} local");
        }

        // Unreachable with a validated rule (some day is allowed and Start != End), but never drop silently.
        throw new InvalidOperationException("No allowed send time within 9 days; the quiet-hours options are contradictory.");
    }

    private bool IsAllowed(DateTime local)
    {
        if (!_allowedDays[(int)local.DayOfWeek]) return false;
        var time = TimeOnly.FromDateTime(local);
        var quiet = _start < _end ? time >= _start && time < _end : time >= _start || time < _end;
        return !quiet;
    }

    /// <summary>The UTC instants at which the local clock shows <paramref name="local"/> (or first passes it, in a gap).</summary>
    private static int Instants(DateTime local, TimeZoneInfo zone, Span<DateTimeOffset> into)
    {
        if (zone.IsInvalidTime(local))
        {
            into[0] = TransitionInto(local, zone);
            return 1;
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            into[0] = new DateTimeOffset(local, offsets[0]).ToUniversalTime();
            into[1] = new DateTimeOffset(local, offsets[^1]).ToUniversalTime();
            return 2;
        }

        into[0] = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return 1;
    }

    /// <summary>The instant the zone's offset changes during the local <paramref name="date"/>, if it does.</summary>
    private static DateTimeOffset? OffsetChangeOn(DateOnly date, TimeZoneInfo zone)
    {
        var low = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks - zone.BaseUtcOffset.Ticks;
        var high = low + TimeSpan.TicksPerDay;
        var after = zone.GetUtcOffset(new DateTimeOffset(high, TimeSpan.Zero));
        if (zone.GetUtcOffset(new DateTimeOffset(low, TimeSpan.Zero)) == after) return null;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == after) high = middle;
            else low = middle;
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    /// <summary>For a local time in a spring-forward gap: the transition instant, i.e. the first valid instant after the gap starts.</summary>
    private static DateTimeOffset TransitionInto(DateTime local, TimeZoneInfo zone)
    {
        // Before the gap the clock runs at the smaller offset, after it at the larger; the transition lies between
        // local - after and local - before (as UTC). Bisect on the predicate "the local clock has reached local".
        var before = zone.GetUtcOffset(local.AddHours(-12));
        var after = zone.GetUtcOffset(local.AddHours(12));
        var low = new DateTimeOffset(local - after, TimeSpan.Zero).UtcTicks;
        var high = new DateTimeOffset(local - before, TimeSpan.Zero).UtcTicks;
        if (low > high) (low, high) = (high, low);
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var clock = TimeZoneInfo.ConvertTime(new DateTimeOffset(middle, TimeSpan.Zero), zone).DateTime;
            if (clock >= local) high = middle;
            else low = middle;
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
