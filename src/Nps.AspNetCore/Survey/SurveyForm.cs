using System.Globalization;
using Nps.AspNetCore.Api;

namespace Nps.AspNetCore.Survey;

/// <summary>
/// What the response form sent, read and checked: <c>score</c> (0–10), <c>comment</c>, <c>callback</c> and
/// <c>q:&lt;id&gt;</c> for each configured follow-up question. Every other field is ignored: customer, dimensions and
/// probability come from the invitation, never from the form.
/// </summary>
internal sealed class SurveyForm
{
    public const string ScoreField = "score";

    public const string CommentField = "comment";

    public const string CallbackField = "callback";

    /// <summary>The longest comment, in characters (the intake's byte limit is the other bound).</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>The longest free-text follow-up answer, in characters (an attribute value holds 1,024 bytes of UTF-8).</summary>
    public const int MaxAnswerLength = 250;

    public int? Score { get; init; }

    public string? Comment { get; init; }

    public bool Callback { get; init; }

    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public static string QuestionField(string id) => "q:" + id;


    /// <summary>Reads and checks a posted form against the configured questions.</summary>
    public static SurveyForm Read(IFormCollection form, NpsSurveyOptions options, SurveyText text)
    {
        var comment = form[CommentField].ToString();
        QueryInteger.TryParse(form[ScoreField].ToString(), CultureInfo.InvariantCulture, out var score);
        var read = new SurveyForm
        {
            // The page shows the customer its own sentence (ChooseScore); the rule is the query's.
            Score = CheckScore(score, new FieldErrors()),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Callback = form[CallbackField].ToString() is "true" or "on" or "1",
        };
        if (read.Score is null) read.Errors[ScoreField] = text.ChooseScore;
        if (read.Comment is { Length: > MaxCommentLength }) read.Errors[CommentField] = string.Format(CultureInfo.InvariantCulture, text.TooLong, MaxCommentLength);
        foreach (var question in options.Questions)
        {
            var field = QuestionField(question.Id);
            var answer = form[field].ToString().Trim();
            if (answer.Length == 0) continue;
            read.Answers[question.Id] = answer;
            if (question.Choices.Count > 0 && !question.Choices.Any(c => c.Value == answer)) read.Errors[field] = text.NotAChoice;
            else if (question.Choices.Count == 0 && answer.Length > MaxAnswerLength)
            {
                read.Errors[field] = string.Format(CultureInfo.InvariantCulture, text.TooLong, MaxAnswerLength);
            }
        }

        return read;
    }

    /// <summary>
    /// The score of <c>score</c>, the form field and the one-click query parameter alike: a whole number from 0 to
    /// 10; null when absent, or when not one, then with its error under the field's name in <paramref name="errors"/>.
    /// </summary>
    public static int? CheckScore(QueryInteger score, FieldErrors errors) =>
        score.Check(errors, ScoreField, NpsRating.MinValue, NpsRating.MaxValue, text => $"'{text}' is not a score: a whole number from 0 to 10.");
}
