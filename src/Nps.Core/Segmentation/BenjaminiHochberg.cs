namespace Nps.Segmentation;

/// <summary>
/// The Benjamini–Hochberg step-up procedure: adjusts p-values of many tests run at once (every segment against
/// the rest, every period against the previous) so that rejecting where the adjusted value q &lt; α keeps the
/// expected share of false discoveries at or below α.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>Adjusted p-values (q-values): q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎ / j, capped at 1, in input order.</summary>
    /// <param name="pValues">The p-values, each in [0, 1] (NaN entries stay NaN and do not count as tests).</param>
    /// <returns>The adjusted p-values, one per input.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1].</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        var adjusted = new double[pValues.Length];
        var sorted = new double[pValues.Length];
        var order = new int[pValues.Length];
        var m = 0;
        for (var i = 0; i < pValues.Length; i++)
        {
            var p = pValues[i];
            if (double.IsNaN(p))
            {
                adjusted[i] = double.NaN;
                continue;
            }

            if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(pValues), p, "A p-value must be in [0, 1].");
            sorted[m] = p;
            order[m++] = i;
        }

        // Sorted as primitive keys, not through a comparison delegate (a report adjusts thousands at once). Ties may
        // come out in any order: tied p-values get the same q either way.
        Array.Sort(sorted, order, 0, m);
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            running = Math.Min(running, sorted[rank - 1] * m / rank);
            adjusted[order[rank - 1]] = running;
        }

        return adjusted;
    }
}
