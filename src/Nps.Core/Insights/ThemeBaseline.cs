namespace Nps.Insights;

/// <summary>What a theme's responses are compared with when measuring its impact.</summary>
public enum ThemeBaseline
{
    /// <summary>
    /// Responses with a comment that does not mention the theme (the default): commenters differ from silent
    /// respondents (detractors comment more), so this isolates the theme rather than the act of commenting.
    /// </summary>
    OtherComments = 0,

    /// <summary>Every other response, with or without a comment.</summary>
    AllOtherResponses = 1,
}
