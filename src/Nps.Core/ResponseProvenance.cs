namespace Nps;

/// <summary>
/// Where a response came from, which decides whether it counts in the unbiased score: only answers to sampled
/// invitations (and historical imports, which predate invitations) are counted by default.
/// </summary>
public enum ResponseProvenance
{
    /// <summary>An answer to a sampled invitation (bound to it), or a response from a source that predates provenance.</summary>
    Solicited = 0,

    /// <summary>A response that matched no invitation: left out of reports, coaching, huddle, ambitions and themes by default.</summary>
    Unsolicited = 1,

    /// <summary>A bulk import or seed file that declared itself historical: counted as a solicited answer, marked for the audit.</summary>
    Historical = 2,

    /// <summary>An answer to a manual (hand-picked) invitation: kept out of the unbiased score, as <see cref="SurveyResponse.IsManual"/> says.</summary>
    Manual = 3,
}
