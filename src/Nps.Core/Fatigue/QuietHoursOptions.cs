using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>
/// Send only outside quiet hours and on allowed days, in the customer's own time zone; an invitation that falls
/// in quiet time is deferred to the next allowed local time, never dropped.
/// </summary>
public sealed record QuietHoursOptions : IValidatableOptions
{
    /// <summary>Local time the quiet period starts (inclusive), e.g. 21:00.</summary>
    public TimeOnly Start { get; init; } = new(21, 0);

    /// <summary>Local time the quiet period ends (exclusive), e.g. 08:00; earlier than <see cref="Start"/> means it spans midnight.</summary>
    public TimeOnly End { get; init; } = new(8, 0);

    /// <summary>Local days on which surveys may be sent (every day when empty).</summary>
    public IReadOnlyList<DayOfWeek> AllowedDays { get; init; } = [];

    /// <summary>The events quiet hours apply to (all events when empty).</summary>
    public SurveyScope Scope { get; init; } = new();

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Start == End) errors.Add(path, "Start and End must differ: equal times leave either no quiet time or no allowed time.");
        var days = path.Then(nameof(AllowedDays));
        errors.NotNull(days, AllowedDays);
        for (var i = 0; i < (AllowedDays?.Count ?? 0); i++) errors.Defined(days.At(i), AllowedDays![i]);
        SurveyScopeCheck.Validate(Scope, path.Then(nameof(Scope)), errors);
    }
}
