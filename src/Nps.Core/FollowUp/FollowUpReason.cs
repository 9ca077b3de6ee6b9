namespace Nps.FollowUp;

/// <summary>Why a response needs a follow-up.</summary>
public enum FollowUpReason
{
    /// <summary>The customer asked to be called back.</summary>
    Callback = 0,

    /// <summary>The rating was a detractor's (0–6).</summary>
    Detractor = 1,

    /// <summary>The rating was a passive's (7–8) and the policy follows up passives.</summary>
    Passive = 2,
}
