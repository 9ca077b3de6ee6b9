namespace Nps.Sampling;

/// <summary>The three things <see cref="SurveyProgram"/> can decide.</summary>
public enum DecisionOutcome
{
    /// <summary>Send the survey now (see <see cref="InviteDecision"/>).</summary>
    Invite = 0,

    /// <summary>Do not send a survey for this event (see <see cref="SuppressDecision"/>).</summary>
    Suppress = 1,

    /// <summary>Send the survey, but later (see <see cref="DeferDecision"/>).</summary>
    Defer = 2,
}
