namespace Nps.Insights;

/// <summary>One place where a comment mentions a theme.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="Start">Where the mention starts in the comment (a char index into the text as written).</param>
/// <param name="Length">Its length in chars (for a separable verb, from the verb to its particle: "belde me terug").</param>
/// <param name="IsNegated">
/// Whether a negation goes with it ("niet vriendelijk", "not helpful", "geen oplossing", "unresolved"): the comment
/// is still about the theme, but says it was missing.
/// </param>
public readonly record struct ThemeMention(Theme Theme, int Start, int Length, bool IsNegated)
{
    /// <summary>The mentioned text in a comment.</summary>
    /// <param name="comment">The comment the mention was found in.</param>
    /// <returns>The words of the mention as written.</returns>
    public string TextIn(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return comment.Substring(Start, Length);
    }
}
