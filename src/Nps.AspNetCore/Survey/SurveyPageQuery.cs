using Microsoft.AspNetCore.Mvc;
using Nps.AspNetCore.Api;

namespace Nps.AspNetCore.Survey;

/// <summary>
/// What <c>GET /s/{token}</c> binds with <c>[AsParameters]</c>: the token, and <c>score</c>, the one-click score of
/// the e-mail's links, through the same query value as the API's whole numbers.
/// </summary>
internal sealed class SurveyPageQuery
{
    [FromRoute(Name = "token")] public string Token { get; init; } = "";

    [FromQuery(Name = SurveyForm.ScoreField)] public QueryInteger? Score { get; init; }

    /// <summary>
    /// The score to preselect, when it is one of 0–10; otherwise none, its <see cref="DataError"/> in
    /// <paramref name="errors"/>. A page does not answer a bad pre-filled score with a problem: the link is only a
    /// shortcut, the customer still sees the form, and the score is chosen and checked when the form is sent.
    /// </summary>
    public int? Preselected(FieldErrors errors) => SurveyForm.CheckScore(Score.GetValueOrDefault(), errors);
}
