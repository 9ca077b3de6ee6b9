using System.Collections.Concurrent;

namespace Nps.Sqlite.Reporting;

/// <summary>
/// A time zone's UTC offset as a step function of the instant, for a range of years: the instants (in UTC ticks)
/// where the offset changes and the offset from each on, found from <see cref="TimeZoneInfo.GetUtcOffset(DateTimeOffset)"/>
/// itself — the same function <see cref="Segmentation.TimeBucket.LocalDate"/> uses — so SQL that adds these offsets
/// computes exactly the local time the in-memory report builder computes, across every DST change.
/// </summary>
/// <remarks>
/// Each UTC year is probed hourly and every change is narrowed to the exact tick by bisection, then cached per zone
/// and year (about 8,800 offset look-ups per zone and year, once per process). An offset that changes and changes
/// back within one hour would be missed; no zone in the IANA database does that.
/// </remarks>
internal static class ZoneOffsets
{
    private static readonly ConcurrentDictionary<(string Zone, int Year), Step[]> Years = new();

    /// <summary>One step: from <see cref="FromUtcTicks"/> on (until the next step) the offset is <see cref="OffsetTicks"/>.</summary>
    internal readonly record struct Step(long FromUtcTicks, long OffsetTicks);

    /// <summary>The steps covering [<paramref name="firstUtcTicks"/>, <paramref name="lastUtcTicks"/>]: the first holds from the range's start.</summary>
    public static IReadOnlyList<Step> Between(TimeZoneInfo zone, long firstUtcTicks, long lastUtcTicks)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = new DateTime(firstUtcTicks, DateTimeKind.Utc);
        var last = new DateTime(lastUtcTicks, DateTimeKind.Utc);
        var steps = new List<Step> { new(long.MinValue, Offset(zone, firstUtcTicks)) };
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var step in Years.GetOrAdd((zone.Id, year), key => Probe(zone, key.Year)))
            {
                if (step.FromUtcTicks > firstUtcTicks && step.FromUtcTicks <= lastUtcTicks && step.OffsetTicks != steps[^1].OffsetTicks) steps.Add(step);
            }
        }

        return steps;
    }

    private static long Offset(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero)).Ticks;

    private static Step[] Probe(TimeZoneInfo zone, int year)
    {
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var end = year == DateTime.MaxValue.Year ? DateTime.MaxValue.Ticks : new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        if (year > DateTime.MinValue.Year) start -= TimeSpan.TicksPerHour; // a change in the year's first hour
        var changes = new List<Step>();
        var previous = Offset(zone, start);
        for (var at = start; at < end;)
        {
            var next = Math.Min(at + TimeSpan.TicksPerHour, end);
            var offset = Offset(zone, next);
            if (offset != previous)
            {
                long low = at, high = next; // offset(low) == previous, offset(high) != previous
                while (high - low > 1)
                {
                    var middle = low + (high - low) / 2;
                    if (Offset(zone, middle) == previous) low = middle;
                    else high = middle;
                }

                offset = Offset(zone, high);
                changes.Add(new Step(high, offset));
                at = high;
            }
            else
            {
                at = next;
            }

            previous = offset;
        }

        return [.. changes];
    }
}
