using System.Globalization;

namespace Nps.Segmentation;

/// <summary>
/// One calendar period (a day, ISO week, month, quarter or year) in local dates of some time zone: what a
/// response's time is bucketed into for a report. Eight bytes, cheap to hash: a good dictionary key.
/// </summary>
/// <remarks>
/// <para>The bucket holds local dates only; the time zone is applied when an instant is bucketed
/// (<see cref="Of(DateTimeOffset, Period, TimeZoneInfo?)"/>) and when the bucket's bounds are turned back into
/// instants (<see cref="GetStartInstant"/>). <c>default</c> is the day 0001-01-01.</para>
/// <para>Weeks follow ISO 8601: they start on Monday and belong to the year that holds their Thursday, so
/// 2021-01-03 is in <c>2020-W53</c> and 2024-12-30 in <c>2025-W01</c>.</para>
/// </remarks>
public readonly record struct TimeBucket : IComparable<TimeBucket>
{
    private TimeBucket(Period period, DateOnly start)
    {
        Period = period;
        Start = start;
    }

    /// <summary>The kind of period.</summary>
    public Period Period { get; }

    /// <summary>The first local day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>The first local day after the period (exclusive end).</summary>
    public DateOnly End => Period switch
    {
        Period.Day => Start.AddDays(1),
        Period.Week => Start.AddDays(7),
        Period.Month => Start.AddMonths(1),
        Period.Quarter => Start.AddMonths(3),
        _ => Start.AddYears(1),
    };

    /// <summary>The last local day of the period (inclusive).</summary>
    public DateOnly LastDay => End.AddDays(-1);

    /// <summary>The period before this one.</summary>
    public TimeBucket Previous => Containing(Start.AddDays(-1), Period);

    /// <summary>The period after this one.</summary>
    public TimeBucket Next => new(Period, End);

    /// <summary>The label: <c>2026-03-14</c>, <c>2026-W11</c>, <c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>.</summary>
    public string Label => Period switch
    {
        Period.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Period.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        Period.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Period.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:0000}-Q{(Start.Month - 1) / 3 + 1}"),
        _ => Start.Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    /// <summary>The period of the given kind that contains a local date.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="period">The kind of period.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The period is not defined.</exception>
    public static TimeBucket Containing(DateOnly date, Period period) => period switch
    {
        Period.Day => new(period, date),
        Period.Week => new(period, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
        Period.Month => new(period, new DateOnly(date.Year, date.Month, 1)),
        Period.Quarter => new(period, new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1)),
        Period.Year => new(period, new DateOnly(date.Year, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
    };

    /// <summary>The period that contains an instant, as seen on the clock of a time zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="period">The kind of period.</param>
    /// <param name="zone">The time zone whose local date counts; UTC when null.</param>
    /// <returns>The bucket.</returns>
    public static TimeBucket Of(DateTimeOffset instant, Period period, TimeZoneInfo? zone = null) =>
        Containing(LocalDate(instant, zone), period);

    /// <summary>The local date of an instant in a time zone (UTC when null).</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The time zone; UTC when null.</param>
    /// <returns>The local date.</returns>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo? zone = null) =>
        DateOnly.FromDateTime(zone is null || zone == TimeZoneInfo.Utc
            ? instant.UtcDateTime
            : TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant the period starts: local midnight of <see cref="Start"/> in the zone.</summary>
    /// <param name="zone">The time zone; UTC when null.</param>
    /// <returns>The instant (a midnight skipped by a clock change resolves with the zone's standard offset).</returns>
    public DateTimeOffset GetStartInstant(TimeZoneInfo? zone = null) => AtMidnight(Start, zone);

    /// <summary>The instant the period ends (exclusive): local midnight of <see cref="End"/> in the zone.</summary>
    /// <param name="zone">The time zone; UTC when null.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset GetEndInstant(TimeZoneInfo? zone = null) => AtMidnight(End, zone);

    /// <summary>Whether a local date lies within the period.</summary>
    /// <param name="date">The local date.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ date &lt; <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => date >= Start && date < End;

    /// <summary>Parses a label written by <see cref="Label"/>.</summary>
    /// <param name="label">The label, e.g. <c>2026-W11</c>.</param>
    /// <param name="bucket">The bucket when the label is valid.</param>
    /// <returns><see langword="false"/> when the label is not one of the five formats.</returns>
    public static bool TryParse(string? label, out TimeBucket bucket)
    {
        bucket = default;
        if (string.IsNullOrEmpty(label)) return false;
        var invariant = CultureInfo.InvariantCulture;
        if (label.Length == 4 && int.TryParse(label, NumberStyles.None, invariant, out var year) && year >= 1)
        {
            bucket = new TimeBucket(Period.Year, new DateOnly(year, 1, 1));
            return true;
        }

        if (label.Length == 10 && IsoDate.TryParse(label, out var day))
        {
            bucket = new TimeBucket(Period.Day, day);
            return true;
        }

        if (label.Length == 7 && IsoDate.TryParse(label + "-01", out var month))
        {
            bucket = new TimeBucket(Period.Month, month);
            return true;
        }

        if (label.Length == 7 && label[4] == '-' && label[5] == 'Q' && label[6] is >= '1' and <= '4'
            && int.TryParse(label.AsSpan(0, 4), NumberStyles.None, invariant, out year) && year >= 1)
        {
            bucket = new TimeBucket(Period.Quarter, new DateOnly(year, (label[6] - '1') * 3 + 1, 1));
            return true;
        }

        if (label.Length == 8 && label[4] == '-' && label[5] == 'W'
            && int.TryParse(label.AsSpan(0, 4), NumberStyles.None, invariant, out year) && year is >= 1 and < 9999
            && int.TryParse(label.AsSpan(6, 2), NumberStyles.None, invariant, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            bucket = new TimeBucket(Period.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public int CompareTo(TimeBucket other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Period.CompareTo(other.Period);
    }

    /// <summary>Whether the left bucket starts before the right one.</summary>
    /// <param name="left">The left bucket.</param>
    /// <param name="right">The right bucket.</param>
    /// <returns>The ordering.</returns>
    public static bool operator <(TimeBucket left, TimeBucket right) => left.CompareTo(right) < 0;

    /// <summary>Whether the left bucket starts after the right one.</summary>
    /// <param name="left">The left bucket.</param>
    /// <param name="right">The right bucket.</param>
    /// <returns>The ordering.</returns>
    public static bool operator >(TimeBucket left, TimeBucket right) => left.CompareTo(right) > 0;

    /// <summary>Whether the left bucket starts before or with the right one.</summary>
    /// <param name="left">The left bucket.</param>
    /// <param name="right">The right bucket.</param>
    /// <returns>The ordering.</returns>
    public static bool operator <=(TimeBucket left, TimeBucket right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the left bucket starts after or with the right one.</summary>
    /// <param name="left">The left bucket.</param>
    /// <param name="right">The right bucket.</param>
    /// <returns>The ordering.</returns>
    public static bool operator >=(TimeBucket left, TimeBucket right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Label;

    private static DateTimeOffset AtMidnight(DateOnly date, TimeZoneInfo? zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone is null || zone == TimeZoneInfo.Utc) return new DateTimeOffset(local, TimeSpan.Zero);
        var offset = zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
