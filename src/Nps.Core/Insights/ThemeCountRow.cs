namespace Nps.Insights;

/// <summary>
/// One row of a store's theme counts (<see cref="IThemeCountSource.CountThemesAsync"/>): for a theme, the responses
/// of one manual flag, unsolicited flag and inclusion probability that mention it, by category, and those whose every
/// mention of it is negated.
/// </summary>
/// <param name="Theme">
/// The theme's index in <see cref="ThemeTaxonomy.Themes"/>; or <see cref="Commented"/> (every response with a
/// non-blank comment) or <see cref="WithTheme"/> (those whose comment mentions at least one theme).
/// </param>
/// <param name="IsManual">Whether these are manual sends.</param>
/// <param name="IsUnsolicited">Whether these responses are unsolicited.</param>
/// <param name="InclusionProbability">Their inclusion probability (each weighs 1 / it).</param>
/// <param name="Mentions">How many, by category.</param>
/// <param name="Negated">Of those, how many mention the theme only negated (0 for <see cref="Commented"/> and <see cref="WithTheme"/>).</param>
public readonly record struct ThemeCountRow(int Theme, bool IsManual, bool IsUnsolicited, double InclusionProbability, NpsCategoryCounts Mentions, NpsCategoryCounts Negated)
{
    /// <summary>The <see cref="Theme"/> of the row counting every response with a non-blank comment.</summary>
    public const int Commented = -1;

    /// <summary>The <see cref="Theme"/> of the row counting the comments that mention at least one theme.</summary>
    public const int WithTheme = -2;
}
