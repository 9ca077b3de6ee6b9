namespace Nps.Sampling;

/// <summary>Why a survey is sent: after a touchpoint, or as part of the periodic relationship sample.</summary>
public enum SurveyKind
{
    /// <summary>Sent after a touchpoint (a call, a delivery, a visit) about that touchpoint.</summary>
    Transactional = 0,

    /// <summary>Sent from a periodic sample of the customer base about the relationship as a whole.</summary>
    Relational = 1,
}
