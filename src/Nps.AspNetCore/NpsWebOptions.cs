using Nps.AspNetCore.Security;

namespace Nps.AspNetCore;

/// <summary>
/// What <see cref="NpsWebEndpointRouteBuilderExtensions.MapNpsApi"/> maps the routes under: the authorisation policy of
/// each role. The defaults are the policies <see cref="NpsApiKeyServiceCollectionExtensions.AddNpsApiKeys"/> registers;
/// a host with its own authentication names its own policies here. Bound from <c>Nps:Web</c>, then changed by the
/// delegate given to <see cref="NpsWebServiceCollectionExtensions.AddNpsWeb"/>; checked at start-up.
/// </summary>
public sealed record NpsWebOptions : IValidatableOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Nps:Web";

    /// <summary>The policy of the survey system's routes (touchpoints, responses, import); <c>survey</c> by default.</summary>
    public string SurveyPolicy { get; init; } = NpsRoles.Survey;

    /// <summary>The policy of the analysts' routes (reports, insights, huddle, follow-ups, customers); <c>analyst</c> by default.</summary>
    public string AnalystPolicy { get; init; } = NpsRoles.Analyst;

    /// <summary>The policy of erasure (<c>DELETE /api/customers/{customerId}</c>); <c>privacy</c> by default.</summary>
    public string PrivacyPolicy { get; init; } = NpsRoles.Privacy;

    /// <summary>
    /// How many requests of the heavy analyst routes (reports, coaching, themes, huddle, ambitions) run at once in
    /// this process; beyond it 503 with <c>Retry-After</c>. The processor count (at least 2) by default. Applies when
    /// the host calls <c>app.UseRateLimiter()</c>.
    /// </summary>
    public int MaxConcurrentReports { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// How many requests of the heavy analyst routes wait for a turn beyond <see cref="MaxConcurrentReports"/> (a
    /// dashboard asks for several views at once); 16 by default, 0 to refuse at once. Beyond it 503 with <c>Retry-After</c>.
    /// </summary>
    public int MaxQueuedReports { get; init; } = 16;

    /// <summary>
    /// How many imports (<c>POST /api/responses/import</c>) run at once in this process; beyond it 503 with
    /// <c>Retry-After</c>. 2 by default. Applies when the host calls <c>app.UseRateLimiter()</c>.
    /// </summary>
    public int MaxConcurrentImports { get; init; } = 2;

    /// <summary>The <c>Retry-After</c> (seconds) of a 503 from <see cref="MaxConcurrentReports"/> or <see cref="MaxConcurrentImports"/>; 5 by default.</summary>
    public int BusyRetryAfterSeconds { get; init; } = 5;

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank(path.Then(nameof(SurveyPolicy)), SurveyPolicy);
        errors.NotBlank(path.Then(nameof(AnalystPolicy)), AnalystPolicy);
        errors.NotBlank(path.Then(nameof(PrivacyPolicy)), PrivacyPolicy);
        errors.AtLeast(path.Then(nameof(MaxConcurrentReports)), MaxConcurrentReports, 1);
        errors.AtLeast(path.Then(nameof(MaxQueuedReports)), MaxQueuedReports, 0);
        errors.AtLeast(path.Then(nameof(MaxConcurrentImports)), MaxConcurrentImports, 1);
        errors.AtLeast(path.Then(nameof(BusyRetryAfterSeconds)), BusyRetryAfterSeconds, 1);
    }
}
