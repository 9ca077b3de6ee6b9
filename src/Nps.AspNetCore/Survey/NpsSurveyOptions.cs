namespace Nps.AspNetCore.Survey;

/// <summary>
/// The response page's settings, bound from <c>Nps:Survey</c>: the program's follow-up questions
/// ("verdiepingsvragen") and the page's rate limits.
/// </summary>
public sealed class NpsSurveyOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Nps:Survey";

    /// <summary>The name shown above the question (the organisation that asks); none when empty.</summary>
    public string OrganisationName { get; set; } = "";

    /// <summary>The optional follow-up questions asked after the score and comment, in this order (at most 10).</summary>
    public List<SurveyQuestionOptions> Questions { get; set; } = [];

    /// <summary>Requests per token and per client address on the <c>/s/</c> routes.</summary>
    public SurveyRateLimitOptions RateLimit { get; set; } = new();
}
