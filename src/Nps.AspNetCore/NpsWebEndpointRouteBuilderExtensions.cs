using Microsoft.Extensions.Options;
using Nps.AspNetCore.Api;
using Nps.AspNetCore.Hosting;

namespace Nps.AspNetCore;

/// <summary><c>app.MapNpsApi()</c>: the JSON routes, each under the policy of the role that may call it.</summary>
public static class NpsWebEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the survey system's routes (<c>POST /api/touchpoints</c>, <c>POST /api/responses</c>,
    /// <c>POST /api/responses/import</c>, <c>POST /api/invitations/{id}/bounce</c>) under <see cref="NpsWebOptions.SurveyPolicy"/>,
    /// the analysts' routes (responses by id, reports and response rates, insights, huddle, ambitions, follow-ups,
    /// customers) under <see cref="NpsWebOptions.AnalystPolicy"/>, and erasure (<c>DELETE /api/customers/{customerId}</c>)
    /// under <see cref="NpsWebOptions.PrivacyPolicy"/>. Every route is mapped in its role's group, so none is left open.
    /// The import and the heavy analyst routes carry the concurrency limits of <see cref="NpsWebOptions"/>.
    /// </summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapNpsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<NpsWebOptions>>().Value;

        var survey = app.MapGroup("").RequireAuthorization(options.SurveyPolicy);
        survey.MapTouchpoints();
        survey.MapResponses();
        survey.MapGroup("").RequireRateLimiting(ImportConcurrencyPolicy.Name).MapResponseImport();
        survey.MapInvitations();

        var analyst = app.MapGroup("").RequireAuthorization(options.AnalystPolicy);
        analyst.MapResponseReads();
        analyst.MapFollowUps();
        // The routes that count or read many responses run at most NpsWebOptions.MaxConcurrentReports at once.
        var heavy = analyst.MapGroup("").RequireRateLimiting(ReportConcurrencyPolicy.Name);
        heavy.MapReports();
        heavy.MapResponseRates();
        heavy.MapThemes();
        heavy.MapHuddle();
        analyst.MapCustomers();

        var privacy = app.MapGroup("").RequireAuthorization(options.PrivacyPolicy);
        privacy.MapCustomerErasure();
        return app;
    }
}
