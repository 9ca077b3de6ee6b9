using System.Text.RegularExpressions;

namespace Nps.AspNetCore.Survey;

/// <summary>
/// One follow-up question: free text, or one choice of <see cref="Choices"/>. Its answer is stored with the response as
/// the attribute <c>q:&lt;Id&gt;</c> (<see cref="Nps.Intake.SurveyAnswers.AnswerAttributePrefix"/>), so a choice
/// question can be segmented like any attribute.
/// </summary>
public sealed partial record SurveyQuestionOptions : IValidatableOptions
{
    /// <summary>The question's id: 1 to 32 of <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>_</c> (the form field is <c>q:&lt;Id&gt;</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The question by language (<c>nl</c>, <c>en</c>); <c>en</c>, then the first, stands in for a missing language.</summary>
    public Dictionary<string, string> Text { get; init; } = [];

    /// <summary>The answers to choose from; none makes it a free-text question.</summary>
    public IReadOnlyList<SurveyChoiceOptions> Choices { get; init; } = [];

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!QuestionId().IsMatch(Id ?? "")) errors.Add(path.Then(nameof(Id)), "must be 1 to 32 of a-z, 0-9, '-' and '_'.", Id ?? "");
        if (Text is null || Text.Values.All(string.IsNullOrWhiteSpace)) errors.Add(path.Then(nameof(Text)), "needs the question in at least one language (nl, en).");
        errors.Each(path.Then(nameof(Choices)), Choices);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionId();
}
