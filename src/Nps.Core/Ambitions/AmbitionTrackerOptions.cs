using System.Globalization;

namespace Nps.Ambitions;

/// <summary>How an <see cref="AmbitionTracker"/> measures progress.</summary>
public sealed record AmbitionTrackerOptions : IValidatableOptions
{
    /// <summary>The last day of the current window (included).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The longest current window: ten years of days.</summary>
    public const int MaxWindowDays = 3653;

    /// <summary>The length of the current window in days, ending at <see cref="AsOf"/>; 90 by default, at most <see cref="MaxWindowDays"/>.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>The time zone whose calendar defines the days; UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The confidence level of the intervals; 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The interval method; adjusted Wald by default.</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>Whether responses to manual sends count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeManual { get; init; }

    /// <summary>Whether unsolicited responses (that matched no invitation) count; false by default, as they are kept out of the unbiased score.</summary>
    public bool IncludeUnsolicited { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range(path.Then(nameof(WindowDays)), WindowDays, 1, MaxWindowDays);
        errors.Level(path.Then(nameof(Level)), Level);
        errors.Defined(path.Then(nameof(Method)), Method);
        if (WindowDays is >= 1 and <= MaxWindowDays && AsOf.DayNumber < WindowDays - 1)
        {
            errors.Add(path.Then(nameof(AsOf)), string.Create(CultureInfo.InvariantCulture, $"the window of {WindowDays} days ending {AsOf:yyyy-MM-dd} starts before 0001-01-01."));
        }
    }
}
