namespace Nps.Insights;

/// <summary>
/// A store's theme counts of a range as they stand (<see cref="IThemeCountSource.CountThemesAsync"/>), read in one
/// snapshot with how many stored comments they leave out because they are not matched yet.
/// </summary>
/// <param name="Rows">The rows (at most one per theme, flags and probability); empty while the counts hold another taxonomy.</param>
/// <param name="Pending">
/// The stored comments (in the whole store, not only the range) not yet in the counts for the taxonomy: every stored
/// comment while the counts hold another taxonomy; 0 when the counts are current.
/// </param>
public sealed record ThemeCountSnapshot(IReadOnlyList<ThemeCountRow> Rows, long Pending);
