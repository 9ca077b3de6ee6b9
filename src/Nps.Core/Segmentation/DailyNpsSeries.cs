using System.Globalization;

namespace Nps.Segmentation;

/// <summary>
/// Per-day distributions in a time zone, from which trailing windows ("the last 90 days, evaluated daily") are
/// computed by sliding: each step adds the new day and subtracts the day that leaves, so a series of W-day windows
/// over D days costs O(D), not O(D × W). Memory is one distribution per day with answers.
/// </summary>
/// <remarks>Manual sends and unsolicited responses are skipped unless the series is created to include them, as in reports. Not thread-safe.</remarks>
public sealed class DailyNpsSeries
{
    private readonly Dictionary<DateOnly, NpsDistribution> _days = [];
    private readonly TimeZoneInfo _zone;
    private readonly bool _includeManualSends;
    private readonly bool _includeUnsolicited;

    /// <summary>Creates an empty series.</summary>
    /// <param name="zone">The time zone whose local dates count; UTC when null.</param>
    /// <param name="includeManualSends">Whether responses to manual sends are counted; <see langword="false"/> by default.</param>
    /// <param name="includeUnsolicited">Whether unsolicited responses (that matched no invitation) are counted; <see langword="false"/> by default.</param>
    public DailyNpsSeries(TimeZoneInfo? zone = null, bool includeManualSends = false, bool includeUnsolicited = false)
    {
        _zone = zone ?? TimeZoneInfo.Utc;
        _includeManualSends = includeManualSends;
        _includeUnsolicited = includeUnsolicited;
    }

    /// <summary>The first local day with answers, or null when empty.</summary>
    public DateOnly? FirstDay => _days.Count == 0 ? null : _days.Keys.Min();

    /// <summary>The last local day with answers, or null when empty.</summary>
    public DateOnly? LastDay => _days.Count == 0 ? null : _days.Keys.Max();

    /// <summary>Adds a response on its local day (skipped when it answers a manual send or is unsolicited, and those are excluded).</summary>
    /// <param name="response">The response.</param>
    public void Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if ((response.IsManual && !_includeManualSends) || (response.IsUnsolicited && !_includeUnsolicited)) return;
        Add(TimeBucket.LocalDate(response.RespondedAt, _zone), response.Rating);
    }

    /// <summary>Adds one rating on a local day.</summary>
    /// <param name="day">The local day.</param>
    /// <param name="rating">The rating.</param>
    public void Add(DateOnly day, NpsRating rating)
    {
        _days.TryGetValue(day, out var current);
        _days[day] = current.Add(rating);
    }

    /// <summary>Adds a day's counts (e.g. from a warehouse's <c>GROUP BY day, rating</c>).</summary>
    /// <param name="day">The local day.</param>
    /// <param name="distribution">The counts of that day.</param>
    public void Add(DateOnly day, NpsDistribution distribution)
    {
        _days.TryGetValue(day, out var current);
        _days[day] = current + distribution;
    }

    /// <summary>The distribution of one local day (empty when it had no answers).</summary>
    /// <param name="day">The local day.</param>
    /// <returns>The distribution.</returns>
    public NpsDistribution GetDay(DateOnly day) => _days.TryGetValue(day, out var d) ? d : default;

    /// <summary>Trailing windows of <paramref name="days"/> days, one ending on each day from <paramref name="firstEnd"/> to <paramref name="lastEnd"/>.</summary>
    /// <param name="days">The window length in days, at least 1 (e.g. 90).</param>
    /// <param name="firstEnd">The last day of the first window.</param>
    /// <param name="lastEnd">The last day of the last window, not before <paramref name="firstEnd"/>.</param>
    /// <returns>One window per day, in date order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or <paramref name="lastEnd"/> is before <paramref name="firstEnd"/>.</exception>
    public IReadOnlyList<TrailingWindow> TrailingWindows(int days, DateOnly firstEnd, DateOnly lastEnd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        if (lastEnd < firstEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(lastEnd), lastEnd,
                string.Create(CultureInfo.InvariantCulture, $"The last window end must not be before the first ({firstEnd:yyyy-MM-dd})."));
        }

        var result = new List<TrailingWindow>(lastEnd.DayNumber - firstEnd.DayNumber + 1);
        var window = default(NpsDistribution);
        for (var day = firstEnd.AddDays(1 - days); day <= firstEnd; day = day.AddDays(1)) window += GetDay(day);
        result.Add(new TrailingWindow(firstEnd.AddDays(1 - days), firstEnd, window));
        for (var end = firstEnd.AddDays(1); end <= lastEnd; end = end.AddDays(1))
        {
            window = (window + GetDay(end)).Subtract(GetDay(end.AddDays(-days)));
            result.Add(new TrailingWindow(end.AddDays(1 - days), end, window));
        }

        return result;
    }
}
