using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>
/// Send only outside quiet hours and on allowed days, in the customer's own time zone; an invitation that falls
/// in quiet time is deferred to the next allowed local time, never dropped.
/// </summary>
public sealed class QuietHoursOptions
{
    /// <summary>Local time the quiet period starts (inclusive), e.g. 21:00.</summary>
    public TimeOnly Start { get; set; } = new(21, 0);

    /// <summary>Local time the quiet period ends (exclusive), e.g. 08:00; earlier than <see cref="Start"/> means it spans midnight.</summary>
    public TimeOnly End { get; set; } = new(8, 0);

    /// <summary>Local days on which surveys may be sent (every day when empty).</summary>
    public List<DayOfWeek> AllowedDays { get; set; } = [];

    /// <summary>The events quiet hours apply to (all events when empty).</summary>
    public SurveyScope Scope { get; set; } = new();
}
