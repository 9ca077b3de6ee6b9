namespace Nps.AspNetCore.Survey;

/// <summary>One answer of a choice question: the value stored, and its label by language.</summary>
public sealed record SurveyChoiceOptions : IValidatableOptions
{
    /// <summary>The longest value accepted.</summary>
    public const int MaxValueLength = 64;

    /// <summary>The value stored as the answer (1 to 64 characters).</summary>
    public string Value { get; init; } = "";

    /// <summary>The label by language (<c>nl</c>, <c>en</c>); the value stands in when none fits.</summary>
    public Dictionary<string, string> Text { get; init; } = [];

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Value) || Value.Length > MaxValueLength || Value != Value.Trim())
        {
            errors.Add(path.Then(nameof(Value)), $"must be 1 to {MaxValueLength} characters without surrounding spaces.", Value ?? "");
        }
    }
}
