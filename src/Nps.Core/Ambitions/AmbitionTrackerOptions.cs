using System.Globalization;

namespace Nps.Ambitions;

/// <summary>How an <see cref="AmbitionTracker"/> measures progress.</summary>
public sealed record AmbitionTrackerOptions
{
    private readonly int _windowDays = 90;
    private readonly double _level = 0.95;

    /// <summary>The last day of the current window (included).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The longest current window: ten years of days.</summary>
    public const int MaxWindowDays = 3653;

    /// <summary>The length of the current window in days, ending at <see cref="AsOf"/>; 90 by default, at most <see cref="MaxWindowDays"/>.</summary>
    public int WindowDays
    {
        get => _windowDays;
        init => _windowDays = value is >= 1 and <= MaxWindowDays
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WindowDays), value,
                string.Create(CultureInfo.InvariantCulture, $"WindowDays must be from 1 to {MaxWindowDays}; got {value}."));
    }

    /// <summary>The time zone whose calendar defines the days; UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The confidence level of the intervals; 0.95 by default.</summary>
    public double Level
    {
        get => _level;
        init
        {
            Guard.Level(value, nameof(Level));
            _level = value;
        }
    }

    /// <summary>The interval method; adjusted Wald by default.</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>Checks that the window fits the calendar (its first day is <see cref="AsOf"/> less <see cref="WindowDays"/> − 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window starts before 0001-01-01.</exception>
    public void Validate()
    {
        if (AsOf.DayNumber < WindowDays - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(AsOf), AsOf,
                string.Create(CultureInfo.InvariantCulture, $"AsOf {AsOf:yyyy-MM-dd} with a window of {WindowDays} days starts before 0001-01-01."));
        }
    }

    /// <summary>Whether responses to manual sends count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeManual { get; init; }

    /// <summary>Whether unsolicited responses (that matched no invitation) count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeUnsolicited { get; init; }
}
