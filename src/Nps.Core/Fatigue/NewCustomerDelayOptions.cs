using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>No survey in the first <see cref="Days"/> days of the relationship, when its start is known.</summary>
public sealed record NewCustomerDelayOptions : IValidatableOptions
{
    /// <summary>The delay in days (&gt; 0).</summary>
    public int Days { get; init; }

    /// <summary>The events the delay applies to (all events when empty).</summary>
    public SurveyScope Scope { get; init; } = new();

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(Days)), Days);
        SurveyScopeCheck.Validate(Scope, path.Then(nameof(Scope)), errors);
    }
}
