namespace Nps.Insights;

/// <summary>A comment that mentions a theme, with the response it came from.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="Rating">Its rating.</param>
/// <param name="Comment">The comment, as written.</param>
public readonly record struct ThemeExample(string ResponseId, NpsRating Rating, string Comment)
{
    /// <summary>The category of the rating.</summary>
    public NpsCategory Category => Rating.Category;
}
