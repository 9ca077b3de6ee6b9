namespace Nps.Delivery;

/// <summary>What a survey token opens (the response page maps these to 200, 404, 410 and "already answered").</summary>
public enum SurveyTokenState
{
    /// <summary>The invitation takes an answer.</summary>
    Open = 0,

    /// <summary>No invitation has this token (unknown, malformed or tampered): 404, revealing nothing.</summary>
    Unknown = 1,

    /// <summary>The link expired: 410.</summary>
    Expired = 2,

    /// <summary>The invitation was answered; no second answer is stored.</summary>
    Answered = 3,

    /// <summary>The invitation takes no answer any more (opted out, bounced, failed).</summary>
    Closed = 4,
}
