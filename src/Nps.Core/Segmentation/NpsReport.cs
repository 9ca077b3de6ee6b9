namespace Nps.Segmentation;

/// <summary>The result of an <see cref="NpsReportBuilder"/>: the overall cell, the segment cells, per-period totals and their tests.</summary>
public sealed class NpsReport
{
    internal NpsReport(NpsReportOptions options, NpsReportCell overall, IReadOnlyList<NpsReportCell> cells,
        IReadOnlyList<NpsReportCell> periodTotals, int testCount)
    {
        Options = options;
        Overall = overall;
        Cells = cells;
        PeriodTotals = periodTotals;
        TestCount = testCount;
    }

    /// <summary>The options the report was built with.</summary>
    public NpsReportOptions Options { get; }

    /// <summary>Everything counted, in one cell (no dimensions).</summary>
    public NpsReportCell Overall { get; }

    /// <summary>
    /// One cell per combination of dimension values (and period) seen, ordered by period, then dimension values
    /// (ordinal). Empty when the report groups by neither dimensions nor period.
    /// </summary>
    public IReadOnlyList<NpsReportCell> Cells { get; }

    /// <summary>When grouped by time: one cell per period over all segments, in time order, each tested against the previous period. Otherwise empty.</summary>
    public IReadOnlyList<NpsReportCell> PeriodTotals { get; }

    /// <summary>The number of tests the Benjamini–Hochberg adjustment spans (every vs-rest and vs-previous test in this report).</summary>
    public int TestCount { get; }

    /// <summary>Finds the cell with the given dimension values (include <c>"period"</c> when grouped by time).</summary>
    /// <param name="values">Dimension name and value pairs; names as in the options, values as shown.</param>
    /// <returns>The cell, or null when no response fell in it.</returns>
    public NpsReportCell? Find(params ReadOnlySpan<KeyValuePair<string, string>> values)
    {
        foreach (var cell in Cells)
        {
            var match = cell.Dimensions.Count == values.Length;
            foreach (var (name, value) in values)
            {
                if (!match) break;
                match = cell.Dimensions.TryGetValue(name, out var actual) && actual == value;
            }

            if (match) return cell;
        }

        return null;
    }
}
