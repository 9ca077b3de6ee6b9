using Nps.Segmentation;

namespace Nps.Data;

/// <summary>
/// The period of an instant in the report's time zone, without converting zones per row: the local date is cached
/// per quarter hour of UTC (every zone's offsets and transitions fall on quarter hours, so a quarter hour never
/// spans two local dates), and the period per local date. Both tables are dense arrays over the range seen.
/// </summary>
internal sealed class PeriodCalendar(Period period, TimeZoneInfo zone)
{
    private const long SlotTicks = 15 * TimeSpan.TicksPerMinute;
    private const int MaxSlots = 1 << 21; // about 60 years of quarter hours
    private const int Unset = int.MinValue;

    private readonly Dictionary<TimeBucket, int> _ids = [];
    private long _firstSlot;
    private int[] _dayOfSlot = [];
    private int _firstDay;
    private int[] _periodOfDay = [];

    /// <summary>The buckets, by id.</summary>
    public List<TimeBucket> Buckets { get; } = [];

    /// <summary>The id of the period that contains the instant <paramref name="utcTicks"/>.</summary>
    public int PeriodId(long utcTicks)
    {
        var slot = utcTicks / SlotTicks;
        var index = slot - _firstSlot;
        int day;
        if ((ulong)index < (ulong)_dayOfSlot.Length && _dayOfSlot[index] != Unset)
        {
            day = _dayOfSlot[index];
        }
        else
        {
            day = TimeBucket.LocalDate(new DateTimeOffset(slot * SlotTicks, TimeSpan.Zero), zone).DayNumber;
            if (Cover(ref _dayOfSlot, ref _firstSlot, slot, 96 * 31))
            {
                _dayOfSlot[slot - _firstSlot] = day;
            }
        }

        var dayIndex = day - _firstDay;
        if ((uint)dayIndex < (uint)_periodOfDay.Length && _periodOfDay[dayIndex] != Unset)
        {
            return _periodOfDay[dayIndex];
        }

        var bucket = TimeBucket.Containing(DateOnly.FromDayNumber(day), period);
        if (!_ids.TryGetValue(bucket, out var id))
        {
            id = Buckets.Count;
            _ids.Add(bucket, id);
            Buckets.Add(bucket);
        }

        long first = _firstDay;
        if (Cover(ref _periodOfDay, ref first, day, 64))
        {
            _firstDay = (int)first;
            _periodOfDay[day - _firstDay] = id;
        }

        return id;
    }

    /// <summary>Grows <paramref name="table"/> (starting at <paramref name="first"/>) to cover <paramref name="key"/>; false past the size cap.</summary>
    private static bool Cover(ref int[] table, ref long first, long key, int slack)
    {
        if (table.Length > 0 && key >= first && key < first + table.Length)
        {
            return true;
        }

        var low = table.Length == 0 ? key - slack : Math.Min(first, key - slack);
        var high = table.Length == 0 ? key + slack : Math.Max(first + table.Length, key + slack);
        if (high - low > MaxSlots)
        {
            return false;
        }

        var grown = new int[high - low];
        grown.AsSpan().Fill(Unset);
        if (table.Length > 0)
        {
            table.CopyTo(grown.AsSpan((int)(first - low)));
        }

        table = grown;
        first = low;
        return true;
    }
}
