namespace Nps.FollowUp;

/// <summary>What creating a follow-up from a response did.</summary>
public enum FollowUpCreationOutcome
{
    /// <summary>A new follow-up was created.</summary>
    Created = 0,

    /// <summary>The response already had its follow-up (creation is idempotent per response id); it is returned unchanged.</summary>
    AlreadyExists = 1,

    /// <summary>The response needs no follow-up under the policy (e.g. a promoter who did not ask for a callback).</summary>
    NotNeeded = 2,

    /// <summary>The response needs one but cannot have one: it has no respondent to contact (an anonymous answer).</summary>
    Anonymous = 3,
}
