namespace Nps.AspNetCore.Survey;

/// <summary>
/// The response page's settings, bound from <c>Nps:Survey</c>: the program's follow-up questions
/// ("verdiepingsvragen") and the page's rate limits.
/// </summary>
public sealed record NpsSurveyOptions : IValidatableOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Nps:Survey";

    /// <summary>The most follow-up questions a page asks.</summary>
    public const int MaxQuestions = 10;

    /// <summary>The name shown above the question (the organisation that asks); none when empty.</summary>
    public string OrganisationName { get; init; } = "";

    /// <summary>The optional follow-up questions asked after the score and comment, in this order (at most 10).</summary>
    public IReadOnlyList<SurveyQuestionOptions> Questions { get; init; } = [];

    /// <summary>Requests per token and per client address on the <c>/s/</c> routes.</summary>
    public SurveyRateLimitOptions RateLimit { get; init; } = new();

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var questions = path.Then(nameof(Questions));
        if (Questions is { Count: > MaxQuestions })
        {
            errors.Add(questions, $"holds {Questions.Count} questions; at most {MaxQuestions}.", Questions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        errors.Each(questions, Questions);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (Questions?.Count ?? 0); i++)
        {
            if (Questions![i]?.Id is { Length: > 0 } id && !ids.Add(id)) errors.Add(questions.At(i).Then(nameof(SurveyQuestionOptions.Id)), $"'{id}' is used twice.", id);
        }

        errors.Nested(path.Then(nameof(RateLimit)), RateLimit);
    }
}
