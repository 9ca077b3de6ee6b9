using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Survey;

/// <summary>Checks <see cref="NpsSurveyOptions"/> at start, naming the configuration path of each problem.</summary>
internal sealed partial class NpsSurveyOptionsValidator : IValidateOptions<NpsSurveyOptions>
{
    public const int MaxQuestions = 10;

    public ValidateOptionsResult Validate(string? name, NpsSurveyOptions options)
    {
        var problems = new List<string>();
        var at = NpsSurveyOptions.SectionName;
        if (options.Questions.Count > MaxQuestions) problems.Add($"{at}:Questions holds {options.Questions.Count} questions; at most {MaxQuestions}.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Questions.Count; i++)
        {
            var question = options.Questions[i];
            var path = $"{at}:Questions:{i}";
            if (question is null)
            {
                problems.Add($"{path} is empty.");
                continue;
            }

            if (!QuestionId().IsMatch(question.Id ?? "")) problems.Add($"{path}:Id '{question.Id}' must be 1 to 32 of a-z, 0-9, '-' and '_'.");
            else if (!ids.Add(question.Id!)) problems.Add($"{path}:Id '{question.Id}' is used twice.");
            if (question.Text is null || question.Text.Values.All(string.IsNullOrWhiteSpace)) problems.Add($"{path}:Text needs the question in at least one language (nl, en).");
            for (var c = 0; c < (question.Choices?.Count ?? 0); c++)
            {
                var value = question.Choices![c]?.Value;
                if (string.IsNullOrWhiteSpace(value) || value.Length > 64 || value != value.Trim())
                {
                    problems.Add($"{path}:Choices:{c}:Value must be 1 to 64 characters without surrounding spaces.");
                }
            }
        }

        var limits = options.RateLimit;
        if (limits is null) problems.Add($"{at}:RateLimit is empty.");
        else
        {
            if (limits.PerToken < 1) problems.Add($"{at}:RateLimit:PerToken must be at least 1 (it is {limits.PerToken}).");
            if (limits.PerAddress < 1) problems.Add($"{at}:RateLimit:PerAddress must be at least 1 (it is {limits.PerAddress}).");
            if (limits.WindowSeconds < 1) problems.Add($"{at}:RateLimit:WindowSeconds must be at least 1 (it is {limits.WindowSeconds}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionId();
}
