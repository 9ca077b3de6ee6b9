using System.Globalization;
using Nps.Segmentation;

namespace Nps.Huddle;

/// <summary>
/// The period a huddle brief covers: an ISO 8601 week (<c>2026-W11</c>) or any run of local days
/// (<c>2026-03-01/2026-03-14</c>, both ends included). The trend steps back by periods of the same length.
/// </summary>
/// <remarks><c>default</c> is the single day 0001-01-01.</remarks>
public readonly record struct HuddlePeriod
{
    private readonly int _extraDays;

    private HuddlePeriod(DateOnly from, int days, bool isIsoWeek)
    {
        From = from;
        _extraDays = days - 1;
        IsIsoWeek = isIsoWeek;
    }

    /// <summary>The longest period a huddle covers: a leap year of days.</summary>
    public const int MaxDays = 366;

    /// <summary>The first local day.</summary>
    public DateOnly From { get; }

    /// <summary>The last local day (included).</summary>
    public DateOnly To => From.AddDays(_extraDays);

    /// <summary>The number of days.</summary>
    public int Days => _extraDays + 1;

    /// <summary>Whether this is an ISO 8601 week (Monday to Sunday).</summary>
    public bool IsIsoWeek { get; }

    /// <summary>The label: <c>2026-W11</c> for an ISO week, else <c>2026-03-01/2026-03-14</c> (ISO 8601 interval).</summary>
    public string Label => IsIsoWeek
        ? TimeBucket.Containing(From, Period.Week).Label
        : string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}/{To:yyyy-MM-dd}");

    /// <summary>The period of the same length just before this one (the previous ISO week for a week).</summary>
    public HuddlePeriod Previous => new(From.AddDays(-Days), Days, IsIsoWeek);

    /// <summary>The ISO 8601 week that contains a local date.</summary>
    /// <param name="date">Any day of the week.</param>
    /// <returns>The week.</returns>
    public static HuddlePeriod IsoWeekOf(DateOnly date) => new(TimeBucket.Containing(date, Period.Week).Start, 7, isIsoWeek: true);

    /// <summary>Parses an ISO 8601 week label such as <c>2026-W11</c>.</summary>
    /// <param name="label">The label.</param>
    /// <param name="period">The week when the label is valid.</param>
    /// <returns>Whether the label names an ISO week (week 53 only in years that have one).</returns>
    public static bool TryParseIsoWeek(string? label, out HuddlePeriod period)
    {
        if (TimeBucket.TryParse(label, out var bucket) && bucket.Period == Period.Week)
        {
            period = new HuddlePeriod(bucket.Start, 7, isIsoWeek: true);
            return true;
        }

        period = default;
        return false;
    }

    /// <summary>The local days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day, not before <paramref name="from"/>.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="to"/> is before <paramref name="from"/>, or the period is longer than <see cref="MaxDays"/>.
    /// </exception>
    public static HuddlePeriod FromDates(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to,
                string.Create(CultureInfo.InvariantCulture, $"The last day ({to:yyyy-MM-dd}) is before the first ({from:yyyy-MM-dd})."));
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to,
                string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd} is {to.DayNumber - from.DayNumber + 1} days; a huddle covers at most {MaxDays}."));
        }

        return new HuddlePeriod(from, to.DayNumber - from.DayNumber + 1, isIsoWeek: false);
    }

    /// <summary>The last ISO week that has fully passed on the clock, in a time zone: the week before the current one.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="zone">The time zone whose calendar counts; UTC when null.</param>
    /// <returns>The week.</returns>
    public static HuddlePeriod LastCompleteIsoWeek(TimeProvider timeProvider, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return IsoWeekOf(TimeBucket.LocalDate(timeProvider.GetUtcNow(), zone)).Previous;
    }

    /// <summary>
    /// Why a brief of this period with a trend of <paramref name="trendPeriods"/> periods does not fit the calendar
    /// (the trend steps back <paramref name="trendPeriods"/> − 1 periods; the end is the midnight after the last day),
    /// or null when it fits. Hosts check it before any work, so an extreme date is a bad request, not a crash.
    /// </summary>
    /// <param name="trendPeriods">The number of periods in the trend, this one included.</param>
    /// <returns>The reason, for people, or <see langword="null"/>.</returns>
    public string? TrendProblem(int trendPeriods)
    {
        if ((long)From.DayNumber - ((long)Math.Max(trendPeriods - 1, 0) * Days) >= 0 && To < DateOnly.MaxValue.AddDays(-1)) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Label} with a trend of {trendPeriods} periods does not fit the calendar (0001-01-01 to 9999-12-30).");
    }

    /// <summary>Whether a local date lies within the period.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>Whether <see cref="From"/> ≤ date ≤ <see cref="To"/>.</returns>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The instant the period ends (exclusive): local midnight after <see cref="To"/> in the zone.</summary>
    /// <param name="zone">The time zone; UTC when null.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset GetEndInstant(TimeZoneInfo? zone = null) => TimeBucket.Containing(To.AddDays(1), Period.Day).GetStartInstant(zone);

    /// <inheritdoc />
    public override string ToString() => Label;
}
