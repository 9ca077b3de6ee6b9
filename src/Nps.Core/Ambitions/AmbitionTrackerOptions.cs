using System.Globalization;

namespace Nps.Ambitions;

/// <summary>How an <see cref="AmbitionTracker"/> measures progress.</summary>
public sealed record AmbitionTrackerOptions
{
    private readonly int _windowDays = 90;
    private readonly double _level = 0.95;

    /// <summary>The last day of the current window (included).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The length of the current window in days, ending at <see cref="AsOf"/>; 90 by default.</summary>
    public int WindowDays
    {
        get => _windowDays;
        init => _windowDays = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WindowDays), value,
                string.Create(CultureInfo.InvariantCulture, $"WindowDays must be at least 1; got {value}."));
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

    /// <summary>Whether responses to manual sends count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeManual { get; init; }
}
