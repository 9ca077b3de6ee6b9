namespace Nps.AspNetCore.Survey;

/// <summary>One answer of a choice question: the value stored, and its label by language.</summary>
public sealed class SurveyChoiceOptions
{
    /// <summary>The value stored as the answer (1 to 64 characters).</summary>
    public string Value { get; set; } = "";

    /// <summary>The label by language (<c>nl</c>, <c>en</c>); the value stands in when none fits.</summary>
    public Dictionary<string, string> Text { get; set; } = [];
}
