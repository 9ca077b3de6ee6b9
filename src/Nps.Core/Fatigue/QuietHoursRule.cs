using System.Globalization;
using Nps.Sampling;

namespace Nps.Fatigue;

/// <summary>
/// Quiet hours and allowed days, evaluated on the customer's local clock. Finds the first allowed instant at
/// or after a moment, across DST changes:
/// <list type="bullet">
/// <item>a boundary that falls in a spring-forward gap (e.g. 02:30 on the day clocks jump 02:00 → 03:00) moves
/// to the first valid instant after the gap (03:00 local, the transition itself);</item>
/// <item>a boundary that occurs twice in a fall-back overlap is taken at its first occurrence (the earlier UTC
/// instant, with the daylight offset); the second occurrence is also a candidate when the first has passed.</item>
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
        Scope = options.Scope.Clone();
        if (options.AllowedDays.Count == 0) Array.Fill(_allowedDays, true);
        foreach (var day in options.AllowedDays) _allowedDays[(int)day] = true;
    }

    public SurveyScope Scope { get; }

    /// <summary>The first instant at or after <paramref name="now"/> that is allowed in the zone, and the rule that moved it (if any).</summary>
    public (DateTimeOffset SendAt, string? Rule, string? Reason) NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (IsAllowed(local.DateTime)) return (now, null, null);

        var candidates = new List<DateTimeOffset>(40);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var d = -1; d <= 8; d++)
        {
            var date = today.AddDays(d);
            AddInstants(date.ToDateTime(_end), zone, candidates);
            AddInstants(date.ToDateTime(TimeOnly.MinValue), zone, candidates);
        }

        candidates.Sort();
        foreach (var candidate in candidates)
        {
            if (candidate < now) continue;
            var candidateLocal = TimeZoneInfo.ConvertTime(candidate, zone);
            if (!IsAllowed(candidateLocal.DateTime)) continue;
            var rule = _allowedDays[(int)local.DayOfWeek] ? FatigueRuleNames.QuietHours : FatigueRuleNames.AllowedDays;
            var why = rule == FatigueRuleNames.QuietHours
                ? $"{Format(_start)}–{Format(_end)} is quiet in {zone.Id}"
                : $"{local.DayOfWeek} is not an allowed send day in {zone.Id}";
            return (candidate, rule, $"{why}; deferred to {candidateLocal.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} local");
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
    private static void AddInstants(DateTime local, TimeZoneInfo zone, List<DateTimeOffset> into)
    {
        if (zone.IsInvalidTime(local))
        {
            into.Add(TransitionInto(local, zone));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            foreach (var offset in zone.GetAmbiguousTimeOffsets(local)) into.Add(new DateTimeOffset(local, offset).ToUniversalTime());
        }
        else
        {
            into.Add(new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime());
        }
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
