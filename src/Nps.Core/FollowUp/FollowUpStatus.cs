namespace Nps.FollowUp;

/// <summary>Where a follow-up stands. Allowed: Open → Contacted → Closed, and Open → Closed.</summary>
public enum FollowUpStatus
{
    /// <summary>Not yet contacted: the SLA clock runs.</summary>
    Open = 0,

    /// <summary>The customer was contacted (the first contact stops the SLA clock).</summary>
    Contacted = 1,

    /// <summary>Done, with an outcome note (possibly without contact, e.g. unreachable).</summary>
    Closed = 2,
}
