namespace Nps.Sampling;

/// <summary>A decision as stored.</summary>
/// <param name="Decision">The stored decision.</param>
/// <param name="IsReplay">Whether it was decided earlier (a retry): nothing was recorded by this call.</param>
public sealed record RecordedDecision(SurveyDecision Decision, bool IsReplay);
