using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Fatigue;

/// <summary>No survey in the first <see cref="Days"/> days of the relationship, when its start is known.</summary>
public sealed class NewCustomerDelayOptions
{
    /// <summary>The delay in days (&gt; 0).</summary>
    public int Days { get; set; }

    /// <summary>The events the delay applies to (all events when empty).</summary>
    public SurveyScope Scope { get; set; } = new();
}
