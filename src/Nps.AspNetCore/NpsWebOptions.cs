using Nps.AspNetCore.Security;

namespace Nps.AspNetCore;

/// <summary>
/// What <see cref="NpsWebEndpointRouteBuilderExtensions.MapNpsApi"/> maps the routes under: the authorisation policy of
/// each role. The defaults are the policies <see cref="NpsApiKeyServiceCollectionExtensions.AddNpsApiKeys"/> registers;
/// a host with its own authentication names its own policies here.
/// </summary>
public sealed class NpsWebOptions
{
    /// <summary>The policy of the survey system's routes (touchpoints, responses, import); <c>survey</c> by default.</summary>
    public string SurveyPolicy { get; set; } = NpsRoles.Survey;

    /// <summary>The policy of the analysts' routes (reports, insights, huddle, follow-ups, customers); <c>analyst</c> by default.</summary>
    public string AnalystPolicy { get; set; } = NpsRoles.Analyst;

    /// <summary>The policy of erasure (<c>DELETE /api/customers/{customerId}</c>); <c>privacy</c> by default.</summary>
    public string PrivacyPolicy { get; set; } = NpsRoles.Privacy;
}
