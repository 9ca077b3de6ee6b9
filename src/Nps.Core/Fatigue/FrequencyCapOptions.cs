using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>At most <see cref="MaxInvitations"/> invitations per customer in any rolling window of <see cref="WindowDays"/> days.</summary>
public sealed record FrequencyCapOptions : IValidatableOptions
{
    /// <summary>The most invitations allowed in the window (&gt; 0).</summary>
    public int MaxInvitations { get; init; }

    /// <summary>The rolling window in days (&gt; 0).</summary>
    public int WindowDays { get; init; }

    /// <summary>The events the cap applies to (all events when empty).</summary>
    public SurveyScope Scope { get; init; } = new();

    /// <summary>Only invitations of this survey kind count (all kinds when <see langword="null"/>).</summary>
    public SurveyKind? HistoryKind { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(MaxInvitations)), MaxInvitations);
        errors.Positive(path.Then(nameof(WindowDays)), WindowDays);
        SurveyScopeCheck.Validate(Scope, path.Then(nameof(Scope)), errors);
        if (HistoryKind is { } kind) errors.Defined(path.Then(nameof(HistoryKind)), kind);
    }
}
