namespace Nps.AspNetCore.Survey;

/// <summary>
/// One follow-up question: free text, or one choice of <see cref="Choices"/>. Its answer is stored with the response as
/// the attribute <c>q:&lt;Id&gt;</c> (<see cref="Nps.Intake.SurveyAnswers.AnswerAttributePrefix"/>), so a choice
/// question can be segmented like any attribute.
/// </summary>
public sealed class SurveyQuestionOptions
{
    /// <summary>The question's id: 1 to 32 of <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>_</c> (the form field is <c>q:&lt;Id&gt;</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The question by language (<c>nl</c>, <c>en</c>); <c>en</c>, then the first, stands in for a missing language.</summary>
    public Dictionary<string, string> Text { get; set; } = [];

    /// <summary>The answers to choose from; none makes it a free-text question.</summary>
    public List<SurveyChoiceOptions> Choices { get; set; } = [];
}
