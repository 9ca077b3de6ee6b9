namespace Nps.AspNetCore.Security;

/// <summary>
/// The roles an API key carries, each with an authorisation policy of the same name. Routes get their policy
/// from the route group they are mapped in (see <c>Program.cs</c>), so a new route cannot be left open.
/// </summary>
public static class NpsRoles
{
    /// <summary>The survey system: posts touchpoints and responses.</summary>
    public const string Survey = "survey";

    /// <summary>Analysts and team leads: reports, insights, follow-ups, customers.</summary>
    public const string Analyst = "analyst";

    /// <summary>
    /// Privacy officers: erase a customer (<c>DELETE /api/customers/{customerId}</c>). In Development, analyst keys may
    /// use this policy too, so the sample's keys can try it.
    /// </summary>
    public const string Privacy = "privacy";

    /// <summary>Every role, for validation messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Survey, Analyst, Privacy];
}
