using System.Globalization;
using Nps.Touchpoints;

namespace Nps.Sampling;

/// <summary>
/// Select events in <see cref="Scope"/> (a stratum) with probability <see cref="Rate"/>, optionally capped by a
/// <see cref="Quota"/>. Policies are tried in order; the first whose scope matches an event decides it.
/// </summary>
public sealed record SamplingPolicyOptions : IValidatableOptions
{
    /// <summary>A unique, non-empty name, recorded on every decision the policy makes.</summary>
    public string Name { get; init; } = "";

    /// <summary>The events (stratum) this policy samples (all events when empty).</summary>
    public SurveyScope Scope { get; init; } = new();

    /// <summary>The selection probability within [0, 1]: recorded as the inclusion probability of selected events.</summary>
    public double Rate { get; init; }

    /// <summary>An optional cap on invitations per period. Once reached, selected events are suppressed as
    /// <c>quota-reached</c>, so the realised inclusion probability of that period is lower than the rate: weight by
    /// rate × invited / selected (both are in the decisions) when a quota binds.</summary>
    public QuotaOptions? Quota { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(path.Then(nameof(Name)), "must not be empty.");
        else if (Name == SurveyProgram.ManualPolicy) errors.Add(path.Then(nameof(Name)), $"'{SurveyProgram.ManualPolicy}' is reserved for manual invitations.");
        if (!(Rate is >= 0 and <= 1)) errors.Add(path.Then(nameof(Rate)), string.Create(CultureInfo.InvariantCulture, $"must be within [0, 1] (it is {Rate})."), Rate.ToString("R", CultureInfo.InvariantCulture));
        SurveyScopeCheck.Validate(Scope, path.Then(nameof(Scope)), errors);
        Quota?.Validate(path.Then(nameof(Quota)), errors);
    }
}
