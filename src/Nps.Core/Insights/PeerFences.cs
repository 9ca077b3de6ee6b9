namespace Nps.Insights;

/// <summary>
/// The robust part of a peer reference: values whose statistic lies outside Tukey's fences
/// [Q1 − 1.5·IQR, Q3 + 1.5·IQR] of all values' statistics are left out of everyone's reference, so one outlier
/// (a honeymoon team, an inflating agent, the under-performer itself) cannot move what the others are compared with.
/// </summary>
internal static class PeerFences
{
    /// <summary>The fewest values with a statistic for fences to be drawn; with fewer, nobody is left out.</summary>
    public const int MinimumValues = 4;

    /// <summary>The values outside the fences; empty when fewer than <see cref="MinimumValues"/> statistics are finite.</summary>
    public static HashSet<string> Outliers(IEnumerable<(string Value, double Statistic)> statistics)
    {
        var finite = statistics.Where(s => double.IsFinite(s.Statistic)).ToList();
        var outliers = new HashSet<string>(StringComparer.Ordinal);
        if (finite.Count < MinimumValues) return outliers;
        var sorted = finite.Select(s => s.Statistic).Order().ToArray();
        var q1 = Quantile(sorted, 0.25);
        var q3 = Quantile(sorted, 0.75);
        var reach = 1.5 * (q3 - q1);
        foreach (var (value, statistic) in finite)
        {
            if (statistic < q1 - reach || statistic > q3 + reach) outliers.Add(value);
        }

        return outliers;
    }

    // Linear interpolation between order statistics (Hyndman–Fan type 7, the default of R and NumPy).
    private static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
