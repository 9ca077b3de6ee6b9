using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>No survey for <see cref="Days"/> days after a contact of the <see cref="After"/> kind.</summary>
public sealed record CooldownOptions : IValidatableOptions
{
    /// <summary>What starts the cooldown.</summary>
    public CooldownTrigger After { get; init; }

    /// <summary>The cooldown length in days (&gt; 0); the customer is eligible again at exactly the contact time plus this.</summary>
    public int Days { get; init; }

    /// <summary>The events the cooldown applies to (all events when empty).</summary>
    public SurveyScope Scope { get; init; } = new();

    /// <summary>Only contacts of this survey kind start the cooldown (all kinds when <see langword="null"/>).</summary>
    public SurveyKind? HistoryKind { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Defined(path.Then(nameof(After)), After);
        errors.Positive(path.Then(nameof(Days)), Days);
        SurveyScopeCheck.Validate(Scope, path.Then(nameof(Scope)), errors);
        if (HistoryKind is { } kind) errors.Defined(path.Then(nameof(HistoryKind)), kind);
    }
}
