using System.Text.Json.Serialization;
using Nps.Fatigue;

namespace Nps.Sampling;

/// <summary>
/// What <see cref="SurveyProgram"/> decided for one event, with everything needed to audit it: the eligibility
/// checks that ran and the sampling draw. One of <see cref="InviteDecision"/>, <see cref="SuppressDecision"/>
/// or <see cref="DeferDecision"/>; serialised with an <c>outcome</c> discriminator (<c>invite</c>, <c>suppress</c>,
/// <c>defer</c>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(InviteDecision), "invite")]
[JsonDerivedType(typeof(SuppressDecision), "suppress")]
[JsonDerivedType(typeof(DeferDecision), "defer")]
public abstract record SurveyDecision
{
    /// <summary>The customer the event was about.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The event that was decided.</summary>
    public required string EventId { get; init; }

    /// <summary>The survey kind of the event.</summary>
    public SurveyKind Kind { get; init; }

    /// <summary>When the decision was taken (from the program's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Every eligibility check that applied to the event, in evaluation order.</summary>
    public IReadOnlyList<EligibilityCheck> Checks { get; init; } = [];

    /// <summary>The sampling draw, or <see langword="null"/> when no draw was made (invalid event, manual invitation, no policy).</summary>
    public SamplingDraw? Draw { get; init; }

    /// <summary>The outcome as a value, for switches and logs.</summary>
    [JsonIgnore]
    public abstract DecisionOutcome Outcome { get; }
}
