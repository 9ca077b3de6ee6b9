namespace Nps.Fatigue;

/// <summary>What starts a cooldown.</summary>
public enum CooldownTrigger
{
    /// <summary>An invitation (answered or not), counted from its send time.</summary>
    Invitation = 0,

    /// <summary>A response, counted from the response.</summary>
    Response = 1,

    /// <summary>The latest invitation that has no response (yet), counted from its send time.</summary>
    NonResponse = 2,

    /// <summary>A follow-up contact about earlier feedback, counted from the follow-up.</summary>
    FollowUp = 3,
}
