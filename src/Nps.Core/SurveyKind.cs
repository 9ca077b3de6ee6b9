namespace Nps;

/// <summary>Why a customer is asked: after a touchpoint, or as part of a periodic sample of the customer base.</summary>
public enum SurveyKind
{
    /// <summary>Asked shortly after a touchpoint (a call, a chat, a delivery) about that experience.</summary>
    Transactional = 0,

    /// <summary>Asked about the relationship as a whole, on a periodic cadence.</summary>
    Relational = 1,
}
