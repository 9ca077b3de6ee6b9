namespace Nps.Insights;

/// <summary>
/// What one <see cref="IThemeCountSource.UpdateThemeCountsAsync"/> did: how many stored comments it matched, and how
/// many still wait to be matched against the taxonomy (in the whole store) once it committed.
/// </summary>
/// <param name="Matched">The comments this update matched (blank ones included: they were looked at).</param>
/// <param name="Pending">The stored comments not yet in the counts for the taxonomy; 0 when the counts are current.</param>
public readonly record struct ThemeCountUpdate(int Matched, long Pending)
{
    /// <summary>Whether the counts are current for the taxonomy: every stored comment is in them.</summary>
    public bool IsCurrent => Pending == 0;
}
