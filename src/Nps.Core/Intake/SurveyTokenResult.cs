using Nps.Delivery;
using Nps.Intake;

namespace Nps.Intake;

/// <summary>The answer of <see cref="SurveyAnswers"/> for one token.</summary>
/// <param name="State">What the token opened.</param>
/// <param name="Invitation">The invitation (for the page's locale and question); <see langword="null"/> when <see cref="SurveyTokenState.Unknown"/>.</param>
/// <param name="Intake">The intake's result when an answer was submitted and taken in; <see langword="null"/> otherwise.</param>
public sealed record SurveyTokenResult(SurveyTokenState State, SurveyInvitation? Invitation, ResponseIntakeResult? Intake = null);
